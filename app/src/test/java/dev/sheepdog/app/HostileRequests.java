package dev.sheepdog.app;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;

/**
 * A seeded generator of what a hostile or broken client sends: malformed and hostile bodies, odd
 * paths, methods, versions and headers, and broken framing, as raw bytes no HTTP client would send.
 */
final class HostileRequests {

    static final String VALID_BODY = "{\"model\":\"deepseek-v3.2\",\"max_tokens\":4,\"stream\":%s,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final List<String> METHODS = List.of("GET", "POST", "POST", "POST", "PUT", "DELETE", "PATCH",
            "HEAD", "OPTIONS", "TRACE", "CONNECT", "BREW", "get", "P0ST", "");
    private static final List<String> PATHS = List.of("/v1/chat/completions", "/v1/chat/completions",
            "/v1/chat/completions", "/v1/models", "/healthz", "/", "/v1", "/v1/", "/v1//models", "/v1/%2e%2e/x",
            "/a/../../etc", "/v1/a%00b", "/%zz", "/v1/models?x=%zz", "/v1/chat/completions/", "*", "/V1/MODELS",
            "/admin/keys", "/metrics", "/v1/%F0%9F%90%91", "/v1/\u00e9", "/v1/a%2Fb", "/v1/;x", "/v1/%5C..%5C");
    private static final List<String> VERSIONS = List.of("HTTP/1.1", "HTTP/1.1", "HTTP/1.1", "HTTP/1.1", "HTTP/1.0",
            "HTTP/2.0", "HTTP/9.9", "HTTP/1.1x", "http/1.1", "");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
            "application/json; charset=utf-8", "APPLICATION/JSON", "text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=utf-16", "", "\u00ff");
    private static final List<String> ODD_HEADERS = List.of("Authorization: Bearer", "Authorization: Bearer sk-nope",
            "Authorization: Basic ?????", "Origin: https://evil.example.net", "Origin: null", "Expect: 100-continue",
            "Expect: 100-banana", "X-Sheepdog-User: \u00e9\u00e9", "Host: other", "X-Forwarded-For: 1.2.3.4, ::1",
            "Accept: text/event-stream", "Accept-Charset: ebcdic", "Content-Encoding: gzip", "Transfer-Encoding: gzip",
            "Bad Header: y", "NoColon", ": empty-name", "Connection: keep-alive, upgrade", "Upgrade: h2c",
            "X-Long: " + "a".repeat(9000), "Range: bytes=0-1", "If-None-Match: *", "X-Ctl: a\u0001b");

    private final Random random;

    HostileRequests(long seed) {
        this.random = new Random(seed);
    }

    /** One request as bytes, framed with Content-Length, chunked, or wrongly. */
    byte[] next() {
        String method = pick(METHODS);
        String version = random.nextInt(10) == 0 ? pick(VERSIONS) : "HTTP/1.1";
        StringBuilder head = new StringBuilder(method).append(' ').append(path()).append(' ').append(version)
                .append("\r\n");
        if (random.nextInt(30) != 0) {
            head.append("Host: 127.0.0.1\r\n");
        }
        if (random.nextInt(6) != 0) {
            head.append("Content-Type: ").append(pick(CONTENT_TYPES)).append("\r\n");
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            head.append(pick(ODD_HEADERS)).append("\r\n");
        }
        head.append("Connection: close\r\n");
        byte[] body = body();
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        switch (random.nextInt(10)) {
            case 0 -> request.writeBytes(chunked(head, body));
            case 1 -> request.writeBytes((head + "Content-Length: " + (body.length + random.nextInt(20) - 10)
                    + "\r\n\r\n").getBytes(UTF_8));
            case 2 -> request.writeBytes((head + "Content-Length: " + pick(List.of("-1", "abc", "1, 2", "99999999999",
                    "0x10", "")) + "\r\n\r\n").getBytes(UTF_8));
            default -> request.writeBytes((head + "Content-Length: " + body.length + "\r\n\r\n").getBytes(UTF_8));
        }
        if (request.toString(UTF_8).contains("Transfer-Encoding: chunked")) {
            return request.toByteArray();
        }
        request.writeBytes(body);
        return request.toByteArray();
    }

    private String path() {
        String path = pick(PATHS);
        return switch (random.nextInt(12)) {
            case 0 -> path + "/" + "x".repeat(random.nextInt(10_000));
            case 1 -> path + "%" + Integer.toHexString(random.nextInt(256));
            case 2 -> path + "?" + "q=" + random.nextInt();
            default -> path;
        };
    }

    private byte[] body() {
        String valid = VALID_BODY.formatted(random.nextBoolean());
        return switch (random.nextInt(14)) {
            case 0 -> valid.getBytes(UTF_8);
            case 1 -> valid.substring(0, random.nextInt(valid.length())).getBytes(UTF_8);
            case 2 -> replaceAt(valid, random.nextInt(valid.length()), String.valueOf((char) random.nextInt(128)));
            case 3 -> valid.replace("\"hi\"", pick(List.of("\"\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\\ude00\"",
                    "42", "null", "[{\"type\":\"text\",\"text\":\"\\udfff\"}]", "{}", "\"\\u0000\""))).getBytes(UTF_8);
            case 4 -> valid.replace("\"deepseek-v3.2\"", pick(List.of("\"\"", "1", "\"\\ud800\"", "\"a\\nb\"",
                    "\"" + "m".repeat(5000) + "\"", "\"no-such-model\"", "[]"))).getBytes(UTF_8);
            case 5 -> "[".repeat(random.nextInt(3000)).getBytes(UTF_8);
            case 6 -> randomBytes(random.nextInt(300));
            case 7 -> valid.replace("\"max_tokens\":4", pick(List.of("\"max_tokens\":-1", "\"max_tokens\":1e400",
                    "\"temperature\":\"hot\"", "\"stream_options\":7", "\"max_tokens\":4,\"max_tokens\":5",
                    "\"tools\":[{\"type\":\"function\"}]", "\"n\":" + "9".repeat(2000)))).getBytes(UTF_8);
            case 8 -> (valid + pick(List.of(" {}", " x", "]", "\u0000", ",", "\n\n"))).getBytes(UTF_8);
            case 9 -> new byte[0];
            case 10 -> valid.getBytes(java.nio.charset.StandardCharsets.UTF_16);
            case 11 -> ("\uFEFF" + valid).getBytes(UTF_8);
            default -> replaceAt(valid, random.nextInt(valid.length()), "");
        };
    }

    private byte[] chunked(CharSequence head, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((head + "Transfer-Encoding: chunked\r\n\r\n").getBytes(UTF_8));
        int start = 0;
        while (start < body.length) {
            int length = Math.min(body.length - start, 1 + random.nextInt(40));
            String size = random.nextInt(8) == 0 ? pick(List.of("zz", "-1", "", "fffffffffff", "1;" + "e".repeat(99)))
                    : Integer.toHexString(length);
            out.writeBytes((size + "\r\n").getBytes(UTF_8));
            out.write(body, start, length);
            out.writeBytes("\r\n".getBytes(UTF_8));
            start += length;
        }
        if (random.nextInt(5) != 0) {
            out.writeBytes("0\r\n\r\n".getBytes(UTF_8));
        }
        return out.toByteArray();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] replaceAt(String text, int at, String replacement) {
        return (text.substring(0, at) + replacement + text.substring(Math.min(text.length(), at + 1))).getBytes(UTF_8);
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
