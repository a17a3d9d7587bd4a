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
 * A line {@code --@include lib/<name>.lua} is replaced by that file: Redis scripts cannot call each
 * other, and the event scripts share their id maker.
 */
public final class LuaScripts {

    private static final String INCLUDE = "--@include ";

    private LuaScripts() {}

    public static <T> RedisScript<T> load(String name, Class<T> resultType) {
        return RedisScript.of(text(name), resultType);
    }

    private static String text(String name) {
        String path = "redis/" + name;
        try (InputStream in = LuaScripts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the Lua script " + path + " is missing from the classpath");
            }
            var out = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                out.append(line.startsWith(INCLUDE) ? text(line.substring(INCLUDE.length()).strip()) : line + "\n");
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Lua script " + path, e);
        }
    }
}
