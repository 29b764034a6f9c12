package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A body that is not JSON is refused in Sheepdog's words, saying where it breaks, never in the parser's. */
@Timeout(20)
class InvalidJsonWordsTest {

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"model\":\"m\"} {}", "{\"model\":\"m\"} x", "{\"model\":", "[1,2", "{'model':1}",
            "{\"a\":01}", "{\"a\":\"\\x\"}", "{\"a\":1]", "{\"a\":tru}", "{\"a\":\"\u0001\"}", "{\"a\":NaN}"})
    void saysWhatIsWrongAndWhereWithoutNamingTheParser(String body) throws Exception {
        HttpResponse<String> response = gateway.post(body);

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(400, "invalid_request_error", null, "invalid_json"));
        assertThat(ErrorReply.messageOf(response)).startsWith("The request body is not valid JSON (line 1, column ")
                .doesNotContain("com.", "jackson", "Jackson", "JsonNode", "Feature", "`", "REDACTED", "Source");
    }

    @Test
    void saysWhenTheNestingIsTooDeep() throws Exception {
        HttpResponse<String> response = gateway.post("[".repeat(1500) + "]".repeat(1500));

        assertThat(ErrorReply.messageOf(response)).isEqualTo(
                "The request body is not valid JSON: it nests arrays and objects too deeply.");
    }

    @Test
    void namesTheUnexpectedCharacter() throws Exception {
        HttpResponse<String> response = gateway.post("{\"model\":\"m\"} x");

        assertThat(ErrorReply.messageOf(response)).isEqualTo(
                "The request body is not valid JSON (line 1, column 15): unexpected character 'x'.");
    }

    @Test
    void acceptsAnEscapedSurrogatePairAsTheCharacterItEncodes() throws Exception {
        HttpResponse<String> response = gateway.post(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"\\ud83d\\ude00\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(gateway.completions.onlyCall().request().messages().getFirst().text()).isEqualTo("\uD83D\uDE00");
    }
}
