package io.helpdeskverify.delivery.push;

import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.Notification;
import com.google.firebase.messaging.WebpushConfig;
import com.google.firebase.messaging.WebpushFcmOptions;
import com.google.firebase.messaging.WebpushNotification;
import io.helpdeskverify.delivery.Challenge;
import io.helpdeskverify.delivery.ChallengeTexts;
import io.helpdeskverify.directory.Device;
import io.helpdeskverify.verification.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The FCM v1 message for one device: a visible notification naming the MSP and the technician, and
 * the data the app needs to show the challenge. It must not outlive the countdown: Android gets a
 * TTL of the time left, APNs the same moment as {@code apns-expiration}, both at high priority.
 * A browser (the web app at {@code /app}, platform {@code web}) gets the {@code webpush} block
 * instead: the same TTL in seconds, urgency high, and a notification whose click opens the challenge.
 */
final class FcmMessages {

    static final String CATEGORY = "HV_VERIFY_REQUEST";

    private FcmMessages() {}

    /** @param appUrl the web app's https address ({@code HELPDESK_PUBLIC_URL}), for the link a web push opens */
    static Message build(Challenge c, Device device, ChallengeTexts texts, Instant now, Optional<String> appUrl) {
        long ttlMillis = Math.max(1_000, Duration.between(now, c.expiresAt()).toMillis());
        String title = texts.pushTitle(c, Locale.ENGLISH);
        String body = texts.pushBody(c, Locale.ENGLISH);
        var builder = Message.builder()
                .setToken(device.fcmToken())
                .setNotification(Notification.builder()
                        .setTitle(title)
                        .setBody(body)
                        .build())
                .putData("challengeId", c.challengeId())
                .putData("verificationId", c.verificationId())
                .putData("method", c.method().name())
                .putData("expiresAt", c.expiresAt().toString())
                .putData("requiresCode", Boolean.toString(c.method() == Method.VERIFIED_PUSH))
                .putData("reverse", Boolean.toString(c.reverse()))
                .setAndroidConfig(AndroidConfig.builder()
                        .setPriority(AndroidConfig.Priority.HIGH)
                        .setTtl(ttlMillis)
                        .build())
                .setApnsConfig(ApnsConfig.builder()
                        .putHeader("apns-priority", "10")
                        .putHeader("apns-push-type", "alert")
                        .putHeader("apns-expiration", Long.toString(c.expiresAt().getEpochSecond()))
                        .setAps(Aps.builder().setCategory(CATEGORY).setSound("default").build())
                        .build());
        if (device.webApp()) {
            builder.setWebpushConfig(webpush(c, title, body, ttlMillis, appUrl));
        }
        // Push + code: the app shows the code to read back after Approve (a reverse check: to compare). Verified push never
        // carries it: that code travels from the technician to the user, not the other way.
        if (c.method() == Method.PUSH_WITH_CODE) {
            c.code().ifPresent(code -> builder.putData("code", code));
        }
        return builder.build();
    }

    /**
     * The Web Push headers FCM passes on (TTL in whole seconds, rounded down so the push service
     * never holds it past the deadline) and the notification the app's service worker shows.
     */
    private static WebpushConfig webpush(Challenge c, String title, String body, long ttlMillis, Optional<String> appUrl) {
        var notification = WebpushNotification.builder()
                .setTitle(title)
                .setBody(body)
                .setIcon("/app/icons/icon-192.png")
                .setTag(c.challengeId())
                .setRequireInteraction(true)
                .build();
        var webpush = WebpushConfig.builder()
                .putHeader("TTL", Long.toString(Math.max(1, ttlMillis / 1000)))
                .putHeader("Urgency", "high")
                .setNotification(notification);
        // FCM takes only an https link; without HELPDESK_PUBLIC_URL the service worker opens the challenge itself.
        appUrl.filter(u -> u.startsWith("https://")).ifPresent(u -> webpush.setFcmOptions(
                WebpushFcmOptions.withLink(u + "#challenge=" + c.challengeId())));
        return webpush.build();
    }
}
