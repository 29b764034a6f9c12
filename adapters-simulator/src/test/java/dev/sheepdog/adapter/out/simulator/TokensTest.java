package dev.sheepdog.adapter.out.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.List;
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

    @Test
    void aPartOfTheTokensIsStillTheirListAndOfAPartToo() {
        List<String> tokens = Tokens.split("Hello, big world!");

        assertThat(tokens.subList(1, 4)).containsExactly(",", " big", " world");
        assertThat(tokens.subList(1, 4).subList(1, 3)).containsExactly(" big", " world");
        assertThatThrownBy(() -> tokens.subList(2, 9)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> tokens.subList(1, 4).get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theTokensCannotBeChanged() {
        List<String> tokens = Tokens.split("Hello, big world!");

        assertThatThrownBy(() -> tokens.set(0, "Bye")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> tokens.add("!")).isInstanceOf(UnsupportedOperationException.class);
    }
}
