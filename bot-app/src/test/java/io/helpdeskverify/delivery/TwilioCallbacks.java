package io.helpdeskverify.delivery;

import io.helpdeskverify.support.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts status callbacks the way Twilio does: a form body signed with HMAC-SHA1 over the public
 * URL and the sorted fields. Computed here independently of twilio-java's validator.
 */
final class TwilioCallbacks {

    private final Api api;

    TwilioCallbacks(Api api) {
        this.api = api;
    }

    Api.Response post(Map<String, String> fields, String signature) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return api.send("POST", "/webhooks/twilio/status", body, "application/x-www-form-urlencoded", null,
                signature == null ? Map.of() : Map.of("X-Twilio-Signature", signature));
    }

    Api.Response postSigned(Map<String, String> fields) {
        return post(fields, sign(DeliveryFakes.AUTH_TOKEN, DeliveryFakes.CALLBACK_URL, fields));
    }

    static Map<String, String> status(String sid, String status, String errorCode) {
        var fields = new TreeMap<String, String>();
        fields.put("MessageSid", sid);
        fields.put("SmsSid", sid);
        fields.put("AccountSid", DeliveryFakes.ACCOUNT_SID);
        fields.put("From", DeliveryFakes.TWILIO_FROM);
        fields.put("MessageStatus", status);
        fields.put("SmsStatus", status);
        fields.put("ApiVersion", "2010-04-01");
        if (errorCode != null) {
            fields.put("ErrorCode", errorCode);
        }
        return fields;
    }

    static String sign(String token, String url, Map<String, String> fields) {
        var data = new StringBuilder(url);
        new TreeMap<>(fields).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
