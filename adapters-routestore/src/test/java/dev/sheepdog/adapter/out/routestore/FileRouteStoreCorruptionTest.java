package dev.sheepdog.adapter.out.routestore;

import static dev.sheepdog.domain.port.out.RouteStoreContract.assertSameState;
import static dev.sheepdog.domain.port.out.RouteStoreContract.sampleState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sheepdog.domain.model.RouteStoreException;
import dev.sheepdog.support.files.DataFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FileRouteStoreCorruptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    static Stream<Arguments> unreadableTexts() {
        String valid = new String(RouteDocument.write(sampleState()), StandardCharsets.UTF_8);
        return Stream.of(
                arguments("not JSON", "canary at 30%", "it is not valid JSON (line 1, column"),
                arguments("empty", "", "it is empty"),
                arguments("blank", " \n", "it is empty"),
                arguments("not an object", "[1, 2]", "it is not a JSON object"),
                arguments("cut off", valid.substring(0, valid.length() / 2), "it is not valid JSON (line"),
                arguments("trailing text", valid + " {}", "it is not valid JSON"),
                arguments("a field twice", "{\"version\": 1, \"paused\": true, \"paused\": false}",
                        "it has a field twice in one object"));
    }

    static Stream<Arguments> impossibleDocuments() {
        return Stream.of(
                corrupt("newer version", doc -> doc.put("version", 2),
                        "it has format version 2 and this Sheepdog reads version 1 only"),
                corrupt("no version", doc -> doc.remove("version"), "it has no format \"version\""),
                corrupt("version as text", doc -> doc.put("version", "1"), "it has no format \"version\""),
                corrupt("unknown field", doc -> doc.put("canary_share", 0.3),
                        "the document has a field \"canary_share\" this Sheepdog does not know"),
                corrupt("no weight", doc -> doc.remove("canary_weight"), "the document has no \"canary_weight\""),
                corrupt("weight above one", doc -> doc.put("canary_weight", 1.5),
                        "\"canary_weight\" is 1.5, outside [0, 1]"),
                corrupt("weight below zero", doc -> doc.put("canary_weight", -0.1), "is -0.1, outside [0, 1]"),
                corrupt("weight not a number", doc -> doc.put("canary_weight", "0.3"),
                        "the \"canary_weight\" of the document is \"0.3\", not a number"),
                corrupt("weight null", doc -> doc.putNull("canary_weight"), "the document has no \"canary_weight\""),
                corrupt("paused as text", doc -> doc.put("paused", "yes"),
                        "\"paused\" of the document is \"yes\", not true or false"),
                corrupt("no paused", doc -> doc.remove("paused"), "has no \"paused\""),
                corrupt("streak not whole", doc -> doc.put("healthy_streak", 1.5),
                        "\"healthy_streak\" of the document is 1.5, not a whole number"),
                corrupt("streak too large", doc -> doc.put("unhealthy_streak", 1L << 40),
                        "\"unhealthy_streak\" of the document is 1099511627776, not a whole number up to"),
                corrupt("no roles", doc -> doc.remove("roles"), "the document has no \"roles\""),
                corrupt("roles a list", doc -> doc.putArray("roles"),
                        "the \"roles\" of the document is [], not a JSON object"),
                corrupt("unknown role", doc -> roles(doc).put("holysheep-primary", "leader"), "the role of endpoint "
                        + "'holysheep-primary' is 'leader', which is none of primary, canary, shadow, standby"),
                corrupt("bad endpoint id", doc -> roles(doc).put("Holy Sheep", "shadow"),
                        "the roles name 'Holy Sheep', which is not an endpoint id"),
                corrupt("two primaries", doc -> roles(doc).put("holysheep-canary", "primary"),
                        "it is not a possible rollout: there can be at most one primary and one canary"),
                corrupt("no decisions", doc -> doc.remove("decisions"), "the document has no \"decisions\""),
                corrupt("decision not object", doc -> decisions(doc).add("step_up"), "decision 5 is not a JSON object"),
                corrupt("unknown action", doc -> decision(doc).put("action", "jump"),
                        "the action of decision 2 is 'jump', which is none of step_up, promote, roll_back, hold"),
                corrupt("no reason", doc -> decision(doc).remove("reason"), "decision 2 has no \"reason\""),
                corrupt("bad instant", doc -> decision(doc).put("at", "yesterday"),
                        "the \"at\" of decision 2 is 'yesterday', not an ISO-8601 instant"),
                corrupt("weight after not a number", doc -> decision(doc).put("weight_after", true),
                        "the \"weight_after\" of decision 2 is true, not a number"),
                corrupt("unknown decision field", doc -> decision(doc).put("by", "alice"),
                        "decision 2 has a field \"by\" this Sheepdog does not know"),
                corrupt("no canary window", doc -> decision(doc).remove("canary"), "decision 2 has no \"canary\""),
                corrupt("unknown failure kind", doc -> errors(doc).put("timeout", 3), "a failure kind in the errors "
                        + "of the primary window of decision 2 is 'timeout', which is none of invalid_request"),
                corrupt("error count not whole", doc -> errors(doc).put("rate_limited", "7"),
                        "the \"rate_limited\" of the errors of the primary window of decision 2 is \"7\", not a whole"),
                corrupt("bad duration", doc -> window(doc).put("ttft_p50", "350ms"), "the \"ttft_p50\" of the primary "
                        + "window of decision 2 is '350ms', not an ISO-8601 duration such as PT0.35S"),
                corrupt("no p95", doc -> window(doc).remove("ttft_p95"),
                        "the primary window of decision 2 has no \"ttft_p95\""),
                corrupt("requests not whole", doc -> window(doc).put("requests", 12.5),
                        "the \"requests\" of the primary window of decision 2 is 12.5, not a whole number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableTexts")
    void aFileThatIsNotAJsonDocumentStopsTheStoreAndStaysUntouched(String kind, String content, String whatIsWrong)
            throws IOException {
        assertRefusedAndUntouched(content, whatIsWrong);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("impossibleDocuments")
    void aDocumentThatIsNotARolloutStopsTheStoreAndStaysUntouched(String kind, String content, String whatIsWrong)
            throws IOException {
        assertRefusedAndUntouched(content, whatIsWrong);
    }

    @Test
    void aFileThatCannotBeReadAtAllStopsTheStore() throws IOException {
        Files.createDirectories(RouteFiles.routesJson(directory));

        assertThatThrownBy(new FileRouteStore(directory)::load).isInstanceOf(RouteStoreException.class)
                .hasCauseInstanceOf(IOException.class)
                .hasMessageStartingWith("the rollout state in " + RouteFiles.routesJson(directory) + " cannot be read")
                .hasMessageContaining("Sheepdog will not start with it");
    }

    @Test
    void deletingTheCorruptFileStartsTheRolloutAfresh() throws IOException {
        DataFiles.write(RouteFiles.routesJson(directory), "garbage");
        FileRouteStore store = new FileRouteStore(directory);
        assertThatThrownBy(store::load).isInstanceOf(RouteStoreException.class);

        Files.delete(RouteFiles.routesJson(directory));

        assertThat(store.load()).isEmpty();
        store.save(sampleState());
        assertSameState(store.load(), sampleState());
    }

    private void assertRefusedAndUntouched(String content, String whatIsWrong) throws IOException {
        Path file = RouteFiles.routesJson(directory);
        DataFiles.write(file, content);
        FileRouteStore store = new FileRouteStore(directory);

        assertThatThrownBy(store::load)
                .isInstanceOf(RouteStoreException.class)
                .hasNoCause()
                .hasMessageStartingWith("the rollout state in " + file + " cannot be read: ")
                .hasMessageContaining(whatIsWrong)
                .hasMessageEndingWith(". Sheepdog will not start with it: restore the file from a backup, "
                        + "or delete it to start the rollout from the configuration");
        assertThatThrownBy(() -> store.save(sampleState())).isInstanceOf(RouteStoreException.class)
                .hasMessageContaining("will not overwrite the rollout state in " + file);
        assertThat(DataFiles.text(file)).isEqualTo(content);
    }

    private static Arguments corrupt(String kind, Consumer<ObjectNode> change, String whatIsWrong) {
        try {
            ObjectNode document = (ObjectNode) JSON.readTree(RouteDocument.write(sampleState()));
            change.accept(document);
            return arguments(kind, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document), whatIsWrong);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode roles(ObjectNode document) {
        return (ObjectNode) document.get("roles");
    }

    private static ArrayNode decisions(ObjectNode document) {
        return (ArrayNode) document.get("decisions");
    }

    /** The second decision of the sample: a step up, with errors of several kinds on the primary. */
    private static ObjectNode decision(ObjectNode document) {
        return (ObjectNode) decisions(document).get(1);
    }

    private static ObjectNode window(ObjectNode document) {
        return (ObjectNode) decision(document).get("primary");
    }

    private static ObjectNode errors(ObjectNode document) {
        return (ObjectNode) window(document).get("errors");
    }
}
