package io.helpdeskverify.web;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Drops the component schemas no operation reaches, directly or through other schemas. */
final class UnusedSchemas {

    private static final Pattern REF = Pattern.compile("\"#/components/schemas/([^\"]+)\"");

    private UnusedSchemas() {}

    static void remove(OpenAPI openApi) {
        var schemas = openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
        if (schemas == null || openApi.getPaths() == null) {
            return;
        }
        Set<String> used = new HashSet<>();
        var pending = new ArrayDeque<String>();
        collect(Json31.pretty(openApi.getPaths()), used, pending);
        while (!pending.isEmpty()) {
            var schema = schemas.get(pending.pop());
            if (schema != null) {
                collect(Json31.pretty(schema), used, pending);
            }
        }
        schemas.keySet().retainAll(used);
    }

    private static void collect(String json, Set<String> used, ArrayDeque<String> pending) {
        var m = REF.matcher(json);
        while (m.find()) {
            if (used.add(m.group(1))) {
                pending.push(m.group(1));
            }
        }
    }
}
