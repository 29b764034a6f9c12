package dev.sheepdog.adapter.in.http;

/** Chat completion request bodies as clients send them. */
final class Bodies {

    static final String VIETNAMESE = "Xin chào, tiếng Việt có dấu";

    private Bodies() {
    }

    /** A valid request with one user message plus the given fields, e.g. {@code "stream":true}. */
    static String chat(String moreFields) {
        return "{\"model\":\"deepseek-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"" + VIETNAMESE + "\"}]"
                + (moreFields.isEmpty() ? "" : "," + moreFields) + "}";
    }

    static String streaming() {
        return chat("\"stream\":true");
    }
}
