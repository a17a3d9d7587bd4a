package io.helpdeskverify.delivery.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What start-up says when the Firebase credentials are missing or unusable: the variable to fix. */
class FcmConfigurationTest {

    @Test
    void noCredentialsNamesTheVariables() {
        var holder = FcmConfiguration.FirebaseAppHolder.create(new FirebaseProperties("", "", ""));
        assertThat(holder.app()).isEmpty();
        assertThat(holder.variables()).containsExactly("FIREBASE_CREDENTIALS", "FIREBASE_PROJECT_ID");
    }

    @Test
    void anUnreadableFileNamesFirebaseCredentialsAndThePath(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        var holder = FcmConfiguration.FirebaseAppHolder.create(new FirebaseProperties(missing.toString(), "", ""));
        assertThat(holder.app()).isEmpty();
        assertThat(holder.variables()).containsExactly("FIREBASE_CREDENTIALS");
        assertThat(holder.problem()).contains(missing.toString());
    }

    @Test
    void aFileThatIsNotAServiceAccountIsRefusedWithoutEchoingIt(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.json");
        Files.writeString(junk, "{\"type\":\"service_account\",\"private_key\":\"secret-ish\"}");
        var holder = FcmConfiguration.FirebaseAppHolder.create(new FirebaseProperties(junk.toString(), "p", ""));
        assertThat(holder.app()).isEmpty();
        assertThat(holder.problem()).doesNotContain("secret-ish");
    }
}
