package org.lexnet.coreapi.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "bell\u0007", "esc\u001b[31m", "del\u007f", "c1\u0085", "\u202Eevil",
                            "\u2066isolate\u2069", "lone \ud800", "lone \udc00 low", "non\uffff", "non\ufdd0",
                            "plane \uD83F\uDFFE"})
    void refusesControlBidiSurrogateAndNoncharacters(String text) {
        assertThat(SafeText.problem(text, true)).isPresent();
        assertThat(SafeText.problem(text, false)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Amara", "Zoë Ó Briain", "محمد", "李小龙", "emoji \uD83D\uDE00 ok", "a-b's \"quoted\"", ""})
    void acceptsOrdinaryTextInAnyScript(String text) {
        assertThat(SafeText.problem(text, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"two\nlines", "cr\r\n", "tab\there"})
    void lineBreaksAndTabsOnlyInFreeText(String text) {
        assertThat(SafeText.problem(text, true)).isEmpty();
        assertThat(SafeText.problem(text, false)).contains("must be a single line (no line breaks or tabs)");
    }
}
