package io.helpdeskverify.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts in {@code resources/redis/}, read once. A script made from a classpath resource
 * asks the jar for the entry's modification time before every call (a synchronized URL lookup that
 * took over 1 % of the bot's CPU under load, docs/performance.md); the text never changes at runtime.
 */
public final class LuaScripts {

    private LuaScripts() {}

    public static <T> RedisScript<T> load(String name, Class<T> resultType) {
        String path = "redis/" + name;
        try (InputStream in = LuaScripts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the Lua script " + path + " is missing from the classpath");
            }
            return RedisScript.of(new String(in.readAllBytes(), StandardCharsets.UTF_8), resultType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Lua script " + path, e);
        }
    }
}
