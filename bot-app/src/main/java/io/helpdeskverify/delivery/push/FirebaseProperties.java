package io.helpdeskverify.delivery.push;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Firebase Cloud Messaging (HTTP v1) settings; mapped from the environment in application.yml.
 *
 * @param credentials path of the service-account JSON ({@code FIREBASE_CREDENTIALS}, else
 *     {@code GOOGLE_APPLICATION_CREDENTIALS}); its {@code token_uri} is where access tokens come from
 * @param projectId {@code FIREBASE_PROJECT_ID}; when blank, the service account's {@code project_id}
 * @param apiUrl {@code FCM_API_URL}: replaces {@code https://fcm.googleapis.com} (a fake in tests)
 */
@ConfigurationProperties("helpdesk.firebase")
public record FirebaseProperties(
        @DefaultValue("") String credentials,
        @DefaultValue("") String projectId,
        @DefaultValue("") String apiUrl) {}
