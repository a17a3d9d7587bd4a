package io.helpdeskverify.delivery.push;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.messaging.FirebaseMessaging;
import io.helpdeskverify.delivery.ChallengeTexts;
import io.helpdeskverify.delivery.ChannelSetup;
import io.helpdeskverify.directory.DeviceService;
import io.helpdeskverify.shared.AppProperties;
import io.helpdeskverify.verification.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Push through the Firebase Admin SDK when a service account is configured. The SDK builds the
 * HTTP v1 request and the OAuth token exchange itself; only the FCM host can be replaced, for a
 * fake, by rewriting each URL before the connection opens.
 */
@Configuration(proxyBeanMethods = false)
class FcmConfiguration {

    static final String PROVIDER = "Firebase Cloud Messaging";
    private static final int TIMEOUT_MILLIS = 10_000;

    @Bean
    FirebaseAppHolder firebaseApp(FirebaseProperties props) {
        return FirebaseAppHolder.create(props);
    }

    @Bean
    ChannelSetup pushSetup(FirebaseAppHolder holder, ChallengeTexts texts, DeviceService devices, Clock clock,
                           AppProperties appSettings) {
        if (holder.app().isEmpty()) {
            return new ChannelSetup.Missing(Channel.PUSH, PROVIDER, holder.variables(), holder.problem());
        }
        var app = holder.app().get();
        var sender = new FcmSender(FirebaseMessaging.getInstance(app), texts, devices, clock, appSettings.appUrl());
        return new ChannelSetup.Ready(Channel.PUSH, sender, PROVIDER + " (project " + app.getOptions().getProjectId()
                + (holder.apiUrl().isBlank() ? "" : ", API " + holder.apiUrl()) + ")");
    }

    /** Owns the FirebaseApp so it is deleted with the context: app names are global to the JVM. */
    static final class FirebaseAppHolder implements DisposableBean {

        private final FirebaseApp app;
        private final List<String> variables;
        private final String problem;
        private final String apiUrl;

        private FirebaseAppHolder(FirebaseApp app, List<String> variables, String problem, String apiUrl) {
            this.app = app;
            this.variables = variables;
            this.problem = problem;
            this.apiUrl = apiUrl;
        }

        static FirebaseAppHolder create(FirebaseProperties props) {
            if (props.credentials().isBlank()) {
                return new FirebaseAppHolder(null, List.of("FIREBASE_CREDENTIALS", "FIREBASE_PROJECT_ID"), "is not configured", "");
            }
            GoogleCredentials credentials;
            Path file = Path.of(props.credentials());
            try (InputStream in = Files.newInputStream(file)) {
                // fromStream keeps the service account's token_uri, as Google's own libraries do.
                credentials = GoogleCredentials.fromStream(in);
            } catch (IOException | RuntimeException e) {
                return new FirebaseAppHolder(null, List.of("FIREBASE_CREDENTIALS"),
                        "cannot use the service-account file " + file + " (" + e.getClass().getSimpleName() + ")", "");
            }
            String projectId = !props.projectId().isBlank() ? props.projectId()
                    : credentials instanceof ServiceAccountCredentials sa && sa.getProjectId() != null ? sa.getProjectId() : "";
            if (projectId.isBlank()) {
                return new FirebaseAppHolder(null, List.of("FIREBASE_PROJECT_ID"),
                        "has no project id (the service-account file has none)", "");
            }
            var options = FirebaseOptions.builder()
                    .setCredentials(credentials)
                    .setProjectId(projectId)
                    .setConnectTimeout(TIMEOUT_MILLIS)
                    .setReadTimeout(TIMEOUT_MILLIS)
                    .setHttpTransport(transport(props.apiUrl()))
                    .build();
            var app = FirebaseApp.initializeApp(options, "helpdesk-verify-" + UUID.randomUUID());
            return new FirebaseAppHolder(app, List.of(), "", props.apiUrl());
        }

        private static HttpTransport transport(String apiUrl) {
            if (apiUrl.isBlank()) {
                return new NetHttpTransport();
            }
            String base = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
            return new NetHttpTransport.Builder()
                    .setConnectionFactory(url -> (HttpURLConnection) new URL(
                            url.toString().replaceFirst("^https://fcm\\.googleapis\\.com", base)).openConnection())
                    .build();
        }

        Optional<FirebaseApp> app() {
            return Optional.ofNullable(app);
        }

        List<String> variables() {
            return variables;
        }

        String problem() {
            return problem;
        }

        String apiUrl() {
            return apiUrl;
        }

        @Override
        public void destroy() {
            if (app != null) {
                app.delete();
            }
        }
    }
}
