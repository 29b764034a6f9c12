package dev.sheepdog.adapter.out.simulator;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
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

    /** The tokens of the text, as a read-only list that keeps the text and where each token ends. */
    static List<String> split(CharSequence text) {
        int[] ends = new int[16];
        int count = 0;
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
            }
            ends[count++] = matcher.end();
        }
        return new Split(text.toString(), Arrays.copyOf(ends, count), 0, count);
    }

    static int count(CharSequence text) {
        int count = 0;
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    // A simulated stream holds its whole answer while it is open: one string and an int per token
    // instead of a String object per token, so that thousands of open streams stay cheap.
    private static final class Split extends AbstractList<String> implements RandomAccess {
        private final String text;
        private final int[] ends;
        private final int from;
        private final int to;

        Split(String text, int[] ends, int from, int to) {
            this.text = text;
            this.ends = ends;
            this.from = from;
            this.to = to;
        }

        @Override
        public String get(int index) {
            int at = from + Objects.checkIndex(index, size());
            return text.substring(at == 0 ? 0 : ends[at - 1], ends[at]);
        }

        @Override
        public int size() {
            return to - from;
        }

        @Override
        public List<String> subList(int fromIndex, int toIndex) {
            Objects.checkFromToIndex(fromIndex, toIndex, size());
            return new Split(text, ends, from + fromIndex, from + toIndex);
        }
    }
}
