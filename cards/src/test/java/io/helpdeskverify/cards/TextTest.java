package io.helpdeskverify.cards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void truncateKeepsShortTextAndMarksCuts() {
        assertThat(Text.truncate("Jane", 4)).isEqualTo("Jane");
        assertThat(Text.truncate("Jane Doe", 5)).isEqualTo("Jane…");
        assertThat(Text.truncate("ab😀cd", 4)).isEqualTo("ab…");
    }

    @Test
    void oneLineTurnsLineBreaksIntoSpacesAndShowsBidiControls() {
        assertThat(Text.oneLine("Jane\nDoe\r\tX")).isEqualTo("Jane Doe  X");
        assertThat(Text.oneLine("Jane\u202Eeod")).isEqualTo("Jane\uFFFDeod");
        assertThat(Text.oneLine("👩‍💻 Zoë")).isEqualTo("👩‍💻 Zoë");
        assertThat(Text.oneLine(null)).isEmpty();
    }
}
