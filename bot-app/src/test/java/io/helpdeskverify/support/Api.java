package io.helpdeskverify.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A plain HTTP client for the running app, so tests see exactly what an outside client sees
 * (status, headers, problem details), with the admin token or a device secret as bearer.
 */
public final class Api {

    public static final String ADMIN_TOKEN = "test-admin-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String bearer;

    public Api(int port) {
        this("http://127.0.0.1:" + port, ADMIN_TOKEN);
    }

    private Api(String base, String bearer) {
        this.base = base;
        this.bearer = bearer;
    }

    /** The same app with another bearer (an issued API token, a device secret). */
    public Api as(String otherBearer) {
        return new Api(base, otherBearer);
    }

    /**
     * A TECHNICIAN token for every customer, named {@code name}: what an API technician is now.
     * A token of that name left by an earlier test on the same Redis is revoked first.
     */
    public Api technician(String name) {
        return issue(name, "[\"TECHNICIAN\"]", "[\"*\"]");
    }

    /** Issues a token through the admin API (as the bootstrap token) and returns a client using it. */
    public Api issue(String name, String rolesJson, String customersJson) {
        var admin = as(ADMIN_TOKEN);
        String body = "{\"name\":%s,\"roles\":%s,\"customers\":%s}".formatted(quoted(name), rolesJson, customersJson);
        var r = admin.post("/api/v1/tokens", body);
        if (r.status() == 409) {
            for (JsonNode t : admin.get("/api/v1/tokens").json()) {
                if (t.get("name").asText().equalsIgnoreCase(name) && t.get("active").asBoolean()) {
                    admin.send("DELETE", "/api/v1/tokens/" + t.get("id").asText(), null, null, ADMIN_TOKEN, Map.of());
                }
            }
            r = admin.post("/api/v1/tokens", body);
        }
        if (r.status() != 201) {
            throw new AssertionError("could not issue the token " + name + ": " + r.status() + " " + r.body());
        }
        return as(r.json().get("token").asText());
    }

    public String bearer() {
        return bearer;
    }

    public Response get(String path) {
        return send("GET", path, null, "application/json", bearer, Map.of());
    }

    public Response post(String path, String json) {
        return send("POST", path, json, "application/json", bearer, Map.of());
    }

    public Response patch(String path, String json) {
        return send("PATCH", path, json, "application/json", bearer, Map.of());
    }

    public Response put(String path, String json) {
        return send("PUT", path, json, "application/json", bearer, Map.of());
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null, bearer, Map.of());
    }

    private static String quoted(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response send(String method, String path, String body, String contentType, String bearer,
                         Map<String, String> headers) {
        var b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(b::header);
        try {
            var r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""),
                    r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, String contentType, Map<String, java.util.List<String>> headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }
}
