package io.helpdeskverify.chat.core;

import io.helpdeskverify.verification.Platform;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The configured chat platforms; one that is not configured is simply absent. */
@Component
public class ChatPlatforms {

    private final Map<Platform, ChatPlatform> byPlatform = new EnumMap<>(Platform.class);

    public ChatPlatforms(List<ChatPlatform> platforms) {
        for (ChatPlatform p : platforms) {
            if (byPlatform.putIfAbsent(p.platform(), p) != null) {
                throw new IllegalStateException("two chat platforms for " + p.platform());
            }
        }
    }

    public Optional<ChatPlatform> of(Platform platform) {
        return Optional.ofNullable(byPlatform.get(platform));
    }
}
