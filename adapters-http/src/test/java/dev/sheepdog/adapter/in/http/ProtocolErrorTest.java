package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What Jetty refuses before any route runs is answered as JSON in the OpenAI error shape, not an HTML page. */
@Timeout(30)
class ProtocolErrorTest {

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "a request line with no URI          | 400 | invalid_http_request       | GARBAGE\\r\\n\\r\\n",
        "no Host header                      | 400 | invalid_http_request       | GET /v1/models HTTP/1.1\\r\\n\\r\\n",
        "a space in a header name            | 400 | invalid_http_request       | GET /v1/models HTTP/1.1\\r\\nHost: x\\r\\nBad Header: y\\r\\n\\r\\n",
        "a path escaping the root            | 400 | invalid_http_request       | GET /a/../../etc HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n",
        "two Content-Lengths                 | 400 | invalid_http_request       | POST /v1/chat/completions HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 1\\r\\nContent-Length: 2\\r\\n\\r\\n{}",
        "an unknown HTTP version             | 505 | http_version_not_supported | GET /v1/models HTTP/9.9\\r\\nHost: x\\r\\n\\r\\n",
        "an expectation other than continue  | 417 | expectation_failed         | GET /v1/models HTTP/1.1\\r\\nHost: x\\r\\nExpect: 100-banana\\r\\n\\r\\n",
        "OPTIONS for the whole server        | 404 | unknown_route              | OPTIONS * HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n"})
    void answersJettysOwnRefusalsAsJson(String problem, int status, String code, String request) throws Exception {
        assertRefused(request.replace("\\r\\n", "\r\n"), status, code);
    }

    @Test
    void answersAUriTooLongAsJson() throws Exception {
        assertRefused("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414, "uri_too_long");
    }

    @Test
    void answersHeadersTooLargeAsJson() throws Exception {
        assertRefused("GET /v1/models HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", 431,
                "headers_too_large");
    }

    @Test
    void answersAChunkedBodyWithAnInvalidChunkSizeWith400AndNoStackTrace() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream standardError = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            assertRefused("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400, "invalid_chunked_body");
        } finally {
            System.setErr(standardError);
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ", "Exception", "ERROR");
        assertThat(gateway.completions.calls()).isEmpty();
    }

    private void assertRefused(String request, int status, String code) throws Exception {
        try (RawHttpConnection connection = RawHttpConnection.open(gateway.port())) {
            connection.send(request.replaceFirst("\r\n\r\n", "\r\nConnection: close\r\n\r\n"));
            String response = connection.readToEnd();
            String head = response.substring(0, response.indexOf("\r\n\r\n"));
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);

            assertThat(head).startsWith("HTTP/1.1 " + status + " ").containsIgnoringCase("Content-Type: application/json");
            assertThat(ErrorReply.errorObject(body).get("code").asText()).isEqualTo(code);
            assertThat(body).doesNotContain("<html", "org.", "jetty", "Jetty");
        }
    }
}
