package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A completion is started only by a JSON POST: a browser sends the other types cross-site without
 * asking first, so another site's page could spend through a visitor's local gateway.
 */
@Timeout(20)
class ContentTypeTest {

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway();

    @ParameterizedTest(name = "Content-Type: {0}")
    @NullSource
    @ValueSource(strings = {"text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=sheepdog", "application/jsonp", "application/json-seq"})
    void aPostThatIsNotJsonIsRefusedAsUnsupported(String contentType) throws Exception {
        HttpResponse<String> response = gateway.postAs(contentType, Bodies.chat(""));

        assertThat(ErrorReply.of(response)).isEqualTo(new ErrorReply(415, "invalid_request_error", null,
                "unsupported_media_type"));
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @NullSource
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
    void aPostThatIsNotJsonNeverReachesTheUseCase(String contentType) throws Exception {
        gateway.postAs(contentType, Bodies.streaming());

        assertThat(gateway.completions.calls()).isEmpty();
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON",
        " application/json ;charset=UTF-8"})
    void jsonIsAcceptedWhateverItsCaseAndParameters(String contentType) throws Exception {
        HttpResponse<String> response = gateway.postAs(contentType, Bodies.chat(""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(gateway.completions.calls()).hasSize(1);
    }
}
