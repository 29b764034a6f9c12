package dev.sheepdog.adapter.out.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokensTest {

    private static final String VIETNAMESE = "Tiêu đề nên ngắn gọn, dưới mười từ; Nguyễn viết ở Đà Lạt.";

    @ParameterizedTest
    @ValueSource(strings = {
        "A strong opening tells the reader why the topic matters.",
        VIETNAMESE,
        "Emoji 😀👍🏽 👨‍👩‍👧 🇻🇳 ❤️ done",
        "line one\nline two\r\n\ttabbed\n\n",
        "trailing spaces   ",
        "   leading spaces",
        "no\u00a0break and ideographic\u3000space",
        "",
    })
    void joiningTheTokensGivesTheTextBackExactly(String text) {
        assertThat(String.join("", Tokens.split(text))).isEqualTo(text);
    }

    @Test
    void joiningTheTokensOfDecomposedVietnameseGivesItBackExactly() {
        String decomposed = Normalizer.normalize(VIETNAMESE, Normalizer.Form.NFD);

        assertThat(String.join("", Tokens.split(decomposed))).isEqualTo(decomposed);
    }

    @Test
    void splitsLongWordsIntoPiecesOfAtMostSixLetters() {
        assertThat(Tokens.split("internationalization")).containsExactly("intern", "ationa", "lizati", "on");
    }

    @Test
    void keepsTheSpaceBeforeAWordAndPunctuationApart() {
        assertThat(Tokens.split("Hello, big world!")).containsExactly("Hello", ",", " big", " world", "!");
    }

    @Test
    void countIsTheNumberOfTokens() {
        for (String text : new String[] {VIETNAMESE, "internationalization is long", "", "  \n"}) {
            assertThat(Tokens.count(text)).as(text).isEqualTo(Tokens.split(text).size());
        }
    }
}
