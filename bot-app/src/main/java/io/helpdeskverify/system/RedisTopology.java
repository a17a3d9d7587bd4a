package io.helpdeskverify.system;

import io.helpdeskverify.shared.UnsafeSettingException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The Redis the bot uses, from the settings the deployment names: {@code REDIS_URL} (one server,
 * {@code redis://} or {@code rediss://}),
 * or {@code REDIS_SENTINEL_MASTER} + {@code REDIS_SENTINEL_NODES} (+ {@code REDIS_SENTINEL_PASSWORD}
 * for the sentinels, {@code REDIS_PASSWORD} for the master) for Sentinel. Spring Boot switches
 * Lettuce to Sentinel as soon as any {@code spring.data.redis.sentinel.*} property exists, even
 * an empty one, so they are set here only when the deployment gave them, never as blank defaults
 * in application.yml. Two topologies at once is refused: which one was meant cannot be guessed.
 */
class RedisTopology implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (StringUtils.hasText(env.getProperty("REDIS_CLUSTER_NODES", ""))
                || env.getProperty("REDIS_URL", "").startsWith("redis+cluster://")) {
            // Better no start than one whose multi-key scripts fail with CROSSSLOT at the first verification.
            throw new UnsafeSettingException("REDIS_CLUSTER_NODES", "asks for Redis Cluster, which this version does "
                    + "not support yet (not every script keeps its keys in one hash slot)",
                    "use one Redis (REDIS_URL) or Sentinel (REDIS_SENTINEL_MASTER and REDIS_SENTINEL_NODES)");
        }
        String master = env.getProperty("REDIS_SENTINEL_MASTER", "");
        String nodes = env.getProperty("REDIS_SENTINEL_NODES", "");
        String redisUrl = env.getProperty("REDIS_URL", "");
        boolean url = StringUtils.hasText(redisUrl) || StringUtils.hasText(env.getProperty("spring.data.redis.url"));
        var settings = new LinkedHashMap<String, Object>();
        if (StringUtils.hasText(redisUrl) && !StringUtils.hasText(env.getProperty("spring.data.redis.url"))) {
            settings.put("spring.data.redis.url", redisUrl.strip());
        }
        if (StringUtils.hasText(master) || StringUtils.hasText(nodes)) {
            if (!StringUtils.hasText(master) || !StringUtils.hasText(nodes)) {
                throw new UnsafeSettingException(StringUtils.hasText(master) ? "REDIS_SENTINEL_NODES" : "REDIS_SENTINEL_MASTER",
                        "Sentinel needs both the master's name and the sentinels",
                        "set REDIS_SENTINEL_MASTER (e.g. mymaster) and REDIS_SENTINEL_NODES (e.g. "
                                + "sentinel-1:26379,sentinel-2:26379,sentinel-3:26379)");
            }
            if (url) {
                throw new UnsafeSettingException("REDIS_URL", "is set together with REDIS_SENTINEL_MASTER",
                        "set either REDIS_URL (one server) or the REDIS_SENTINEL_* settings, not both");
            }
            settings.put("spring.data.redis.sentinel.master", master.strip());
            settings.put("spring.data.redis.sentinel.nodes", nodes.strip());
            String sentinelPassword = env.getProperty("REDIS_SENTINEL_PASSWORD", "");
            if (StringUtils.hasText(sentinelPassword)) {
                settings.put("spring.data.redis.sentinel.password", sentinelPassword);
            }
        }
        String password = env.getProperty("REDIS_PASSWORD", "");
        if (StringUtils.hasText(password)) {
            settings.put("spring.data.redis.password", password);
        }
        if (!settings.isEmpty()) {
            env.getPropertySources().addFirst(new MapPropertySource("helpdesk-redis-topology", Map.copyOf(settings)));
        }
    }

    /** Whether the deployment named a Redis of its own (so no embedded one may start). */
    static boolean external(org.springframework.core.env.Environment env) {
        return StringUtils.hasText(env.getProperty("spring.data.redis.url"))
                || StringUtils.hasText(env.getProperty("spring.data.redis.host"))
                || StringUtils.hasText(env.getProperty("spring.data.redis.sentinel.master"))
                || StringUtils.hasText(env.getProperty("spring.data.redis.cluster.nodes"));
    }
}
