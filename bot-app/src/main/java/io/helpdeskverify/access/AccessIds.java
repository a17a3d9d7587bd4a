package io.helpdeskverify.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The checks every id of a policy passes. Slack and Teams ids are short ASCII tokens; the bounds
 * keep one policy small enough to read on every command (it is one Redis hash field) and stop a
 * typo'd paste of a whole member list from becoming a policy.
 */
final class AccessIds {

    static final int MAX_ID_LENGTH = 200;
    static final int MAX_LIST_SIZE = 500;

    private AccessIds() {}

    static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required and must not be blank.");
        }
        String v = value.strip();
        if (v.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_ID_LENGTH + " characters.");
        }
        // Whitespace or control characters inside an id are always a paste error (ids never contain them).
        if (v.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException(field + " '" + v + "' contains spaces or control characters.");
        }
        return v;
    }

    /** A list of ids: absent means empty; duplicates are dropped, order kept. */
    static List<String> ids(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_LIST_SIZE) {
            throw new IllegalArgumentException(field + " has more than " + MAX_LIST_SIZE + " entries.");
        }
        var out = new LinkedHashSet<String>();
        for (int i = 0; i < values.size(); i++) {
            out.add(id(field + "[" + i + "]", values.get(i)));
        }
        return List.copyOf(new ArrayList<>(out));
    }
}
