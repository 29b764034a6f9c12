package dev.sheepdog.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A caller's text in the log is one token on one line, whatever the caller put in it. */
class RequestLogLineTest {

    @Test
    void escapesLineBreaksSoNoCallerCanForgeALogLine() {
        String escaped = RequestLogLine.escaped("gpt-4.1\r\n12:00:00 INFO sheepdog.http GET /admin 200");

        assertThat(escaped).doesNotContain("\r", "\n", " ").startsWith("gpt-4.1\\x0d\\x0a12:00:00\\x20INFO");
    }

    @Test
    void escapesOtherControlsTheBackslashAndUnicodeLineSeparators() {
        assertThat(RequestLogLine.escaped("a\tb\u001b[31mc\\d\u2028e\u0085f"))
                .isEqualTo("a\\x09b\\x1b[31mc\\x5cd\\u2028e\\x85f");
    }

    @Test
    void keepsOrdinaryTextAsItIs() {
        assertThat(RequestLogLine.escaped("client:cl_3f9a0c1d2e4b")).isEqualTo("client:cl_3f9a0c1d2e4b");
        assertThat(RequestLogLine.escaped("user:nguyễn-văn-an")).isEqualTo("user:nguyễn-văn-an");
    }

    @Test
    void cutsAnOverlongValue() {
        assertThat(RequestLogLine.escaped("m".repeat(10_000))).hasSize(201).endsWith("…");
    }
}
