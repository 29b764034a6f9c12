package dev.sheepdog.wire.openai;

/**
 * A chat request that does not follow OpenAI's format: what is wrong, the parameter at fault and a
 * code, as OpenAI's own 400 {@code invalid_request_error} names them.
 */
public final class ChatRequestException extends Exception {

    private final String param;
    private final String code;

    /** @param param the parameter at fault, e.g. {@code messages[0].role}; null when it is the body as a whole */
    public ChatRequestException(String message, String param, String code) {
        // No stack trace: this is a caller's mistake, answered with a 400, never logged as a bug.
        super(message, null, false, false);
        this.param = param;
        this.code = code;
    }

    /** The parameter at fault, e.g. {@code messages[0].role}; null when it is the body as a whole. */
    public String param() {
        return param;
    }

    /** OpenAI's code for the problem, e.g. {@code invalid_type} or {@code missing_required_parameter}. */
    public String code() {
        return code;
    }
}
