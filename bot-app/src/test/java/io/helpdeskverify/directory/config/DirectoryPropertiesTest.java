package io.helpdeskverify.directory.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryPropertiesTest {

    final DirectoryProperties props = new DirectoryProperties(List.of("slack:U012AB3CD", " Teams:29:1abcDEF ", ""), 7);

    @Test
    void onlyListedPlatformUsersAreAdmins() {
        assertThat(props.isAdmin("slack", "U012AB3CD")).isTrue();
        assertThat(props.isAdmin("SLACK", "U012AB3CD")).as("platform names are case-insensitive").isTrue();
        assertThat(props.isAdmin("teams", "29:1abcDEF")).isTrue();
        assertThat(props.isAdmin("teams", "29:1abcdef")).as("user ids are exact").isFalse();
        assertThat(props.isAdmin("teams", "U012AB3CD")).as("an id counts on its own platform only").isFalse();
        assertThat(new DirectoryProperties(List.of(), 7).isAdmin("slack", "U012AB3CD")).isFalse();
    }

    @Test
    void aNegativeWarningWindowIsRefused() {
        assertThatThrownBy(() -> new DirectoryProperties(List.of(), -1))
                .hasMessageContaining("HELPDESK_CONTACT_CHANGE_WARNING_DAYS");
    }
}
