package dev.sheepdog.adapter.in.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A body larger than the configured limit is refused with 413, whether or not its length was declared. */
@Timeout(20)
class RequestBodyLimitTest {

    private static final ErrorReply TOO_LARGE = new ErrorReply(413, "invalid_request_error", null, "request_too_large");

    @RegisterExtension
    final RunningGateway gateway = new RunningGateway();

    @Test
    void acceptsABodyOfExactlyTheLimit() throws Exception {
        HttpResponse<String> response = gateway.post(bodyOfSize(RunningGateway.MAX_BODY_BYTES));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(gateway.completions.calls()).hasSize(1);
    }

    @Test
    void refusesADeclaredContentLengthOverTheLimit() throws Exception {
        HttpResponse<String> response = gateway.post(bodyOfSize(RunningGateway.MAX_BODY_BYTES + 1));

        assertThat(ErrorReply.of(response)).isEqualTo(TOO_LARGE);
        assertThat(ErrorReply.messageOf(response)).contains(String.valueOf(RunningGateway.MAX_BODY_BYTES));
        assertThat(gateway.completions.calls()).isEmpty();
    }

    @Test
    void refusesAChunkedBodyWithoutContentLengthOnceItPassesTheLimit() throws Exception {
        try (RawHttpConnection connection = RawHttpConnection.open(gateway.port())) {
            connection.post("Transfer-Encoding: chunked\r\nConnection: close\r\n",
                    chunked(bodyOfSize(RunningGateway.MAX_BODY_BYTES + 1)));

            String response = connection.readToEnd();

            assertThat(response).startsWith("HTTP/1.1 413 ").contains("\"code\":\"request_too_large\"",
                    "\"type\":\"invalid_request_error\"", "\"param\":null");
        }
        assertThat(gateway.completions.calls()).isEmpty();
    }

    @Test
    void acceptsAChunkedBodyWithinTheLimit() throws Exception {
        try (RawHttpConnection connection = RawHttpConnection.open(gateway.port())) {
            connection.post("Transfer-Encoding: chunked\r\nConnection: close\r\n",
                    chunked(bodyOfSize(RunningGateway.MAX_BODY_BYTES)));

            assertThat(connection.readToEnd()).startsWith("HTTP/1.1 200 ").contains(FakeCompletions.DEFAULT_COMPLETION);
        }
        assertThat(gateway.completions.calls()).hasSize(1);
    }

    /** A valid request padded with spaces to exactly {@code size} bytes. */
    private static String bodyOfSize(int size) {
        String body = Bodies.chat("");
        int padding = size - body.getBytes(UTF_8).length;
        return body.substring(0, body.length() - 1) + " ".repeat(padding) + "}";
    }

    /** The body in chunks of 1000 bytes, as a client that does not know its length sends it. */
    private static byte[] chunked(String body) {
        byte[] bytes = body.getBytes(UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int start = 0; start < bytes.length; start += 1000) {
            int length = Math.min(1000, bytes.length - start);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(UTF_8));
            out.write(bytes, start, length);
            out.writeBytes("\r\n".getBytes(UTF_8));
        }
        out.writeBytes("0\r\n\r\n".getBytes(UTF_8));
        return out.toByteArray();
    }
}
