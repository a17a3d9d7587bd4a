package io.helpdeskverify.delivery.sms;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * twilio-java has no base-URL option (only region and edge), so a fake is reached by rewriting the
 * host of each request the SDK built, keeping its method, parameters, headers, body and auth.
 */
class BaseUrlHttpClient extends NetworkHttpClient {

    private final String base;

    BaseUrlHttpClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @Override
    public Response makeRequest(Request original) {
        var r = new Request(original.getMethod(), original.constructURL().toString().replaceFirst("^https://[^/]+", base));
        // constructURL already carries the query string; only the body parameters are copied.
        original.getPostParams().forEach((k, values) -> values.forEach(v -> r.addPostParam(k, v)));
        original.getHeaderParams().forEach((k, values) -> values.forEach(v -> r.addHeaderParam(k, v)));
        if (original.getAuthStrategy() != null) {
            r.setAuth(original.getAuthStrategy());
        } else if (original.getUsername() != null) {
            r.setAuth(original.getUsername(), original.getPassword());
        }
        r.setUserAgentExtensions(original.getUserAgentExtensions());
        if (original.getContentType() != null) {
            r.setContentType(original.getContentType());
        }
        if (original.getBody() != null) {
            r.setBody(original.getBody());
        }
        return super.makeRequest(r);
    }
}
