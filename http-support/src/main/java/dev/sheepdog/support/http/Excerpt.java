package dev.sheepdog.support.http;

/** A bounded piece of text a remote party sent, for messages and logs. */
public final class Excerpt {

    private Excerpt() {
    }

    /** At most {@code maxChars} of {@code text}, never cutting a surrogate pair, marked with "…" when cut. */
    public static String of(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end) + "…";
    }
}
