package dev.sheepdog.adapter.out.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into model-like tokens: a word piece of up to six letters with the white space
 * before it, or one punctuation mark. Joining the tokens gives back the text exactly.
 */
final class Tokens {

    // A letter carries its combining marks (\p{M}), so decomposed Vietnamese keeps its accents on it.
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(?:[\\p{L}\\p{N}]\\p{M}*){1,6}|\\p{M}+|[^\\s\\p{L}\\p{M}\\p{N}])|\\s+");

    private Tokens() {
    }

    static List<String> split(CharSequence text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    static int count(CharSequence text) {
        int count = 0;
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
