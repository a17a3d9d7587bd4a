package io.helpdeskverify.delivery.push;

import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.ApnsConfig;
import com.google.firebase.messaging.Aps;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.Notification;
import io.helpdeskverify.delivery.Challenge;
import io.helpdeskverify.delivery.ChallengeTexts;
import io.helpdeskverify.directory.Device;
import io.helpdeskverify.verification.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The FCM v1 message for one device: a visible notification naming the MSP and the technician, and
 * the data the app needs to show the challenge. It must not outlive the countdown: Android gets a
 * TTL of the time left, APNs the same moment as {@code apns-expiration}, both at high priority.
 */
final class FcmMessages {

    static final String CATEGORY = "HV_VERIFY_REQUEST";

    private FcmMessages() {}

    static Message build(Challenge c, Device device, ChallengeTexts texts, Instant now) {
        long ttlMillis = Math.max(1_000, Duration.between(now, c.expiresAt()).toMillis());
        var builder = Message.builder()
                .setToken(device.fcmToken())
                .setNotification(Notification.builder()
                        .setTitle(texts.pushTitle(c, Locale.ENGLISH))
                        .setBody(texts.pushBody(c, Locale.ENGLISH))
                        .build())
                .putData("challengeId", c.challengeId())
                .putData("verificationId", c.verificationId())
                .putData("method", c.method().name())
                .putData("expiresAt", c.expiresAt().toString())
                .putData("requiresCode", Boolean.toString(c.method() == Method.VERIFIED_PUSH))
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
        // Push + code: the app shows the code to read back after Approve. Verified push never
        // carries it: that code travels from the technician to the user, not the other way.
        if (c.method() == Method.PUSH_WITH_CODE) {
            c.code().ifPresent(code -> builder.putData("code", code));
        }
        return builder.build();
    }
}
