package io.helpdeskverify.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Values as the Redis stores keep them: JSON through the application's one ObjectMapper. A value
 * that cannot be read back is a corrupt store, never a user error, so it fails loudly.
 */
@Component
public class StoredJson {

    private final ObjectMapper json;

    public StoredJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Empty for a missing value (null); throws for a corrupt one. */
    public <T> Optional<T> read(String value, Class<T> type) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(value, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt " + type.getSimpleName() + " in Redis", e);
        }
    }
}
