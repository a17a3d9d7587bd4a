package io.helpdeskverify.delivery.sms;

import com.twilio.security.RequestValidator;
import java.util.Map;

/**
 * Checks {@code X-Twilio-Signature} with twilio-java's own validator, over the public URL Twilio
 * called. Behind a proxy the Host the bot sees is not that URL, so it comes from configuration,
 * never from the request.
 */
class StatusCallbackVerifier {

    private final String url;
    private final RequestValidator validator;

    StatusCallbackVerifier(TwilioProperties props) {
        this.url = props.callbackUrl();
        this.validator = props.authToken().isBlank() ? null : new RequestValidator(props.authToken());
    }

    /** Whether callbacks can be checked at all: a token and a public URL are configured. */
    boolean enabled() {
        return validator != null && !url.isBlank();
    }

    /**
     * @param query the request's query string, if Twilio called the URL with one
     * @param bodyParams the form fields of the POST body only
     */
    boolean verify(String query, Map<String, String> bodyParams, String signature) {
        if (!enabled() || signature == null || signature.isBlank()) {
            return false;
        }
        String called = query == null || query.isEmpty() || url.contains("?") ? url : url + "?" + query;
        return validator.validate(called, bodyParams, signature);
    }
}
