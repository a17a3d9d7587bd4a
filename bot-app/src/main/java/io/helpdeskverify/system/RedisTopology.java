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
 * in application.yml. {@code REDIS_CLUSTER_NODES} (or a {@code redis+cluster://} / {@code rediss+cluster://}
 * {@code REDIS_URL}) is Redis Cluster. Two topologies at once is refused: which one was meant cannot be guessed.
 */
class RedisTopology implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String master = env.getProperty("REDIS_SENTINEL_MASTER", "");
        String nodes = env.getProperty("REDIS_SENTINEL_NODES", "");
        String redisUrl = env.getProperty("REDIS_URL", "");
        boolean url = StringUtils.hasText(redisUrl) || StringUtils.hasText(env.getProperty("spring.data.redis.url"));
        var settings = new LinkedHashMap<String, Object>();
        String clusterNodes = env.getProperty("REDIS_CLUSTER_NODES", "").strip();
        boolean clusterUrl = redisUrl.strip().matches("(?i)rediss?\\+cluster://.*");
        if (StringUtils.hasText(clusterNodes) || clusterUrl) {
            if (StringUtils.hasText(master) || StringUtils.hasText(nodes)) {
                throw new UnsafeSettingException(StringUtils.hasText(clusterNodes) ? "REDIS_CLUSTER_NODES" : "REDIS_URL",
                        "asks for Redis Cluster together with Sentinel (REDIS_SENTINEL_MASTER / REDIS_SENTINEL_NODES)",
                        "set either the Cluster's nodes or the Sentinel settings, not both");
            }
            if (StringUtils.hasText(clusterNodes) && StringUtils.hasText(redisUrl)) {
                throw new UnsafeSettingException("REDIS_URL", "is set together with REDIS_CLUSTER_NODES",
                        "set either REDIS_CLUSTER_NODES or REDIS_URL (a redis+cluster:// URL names the nodes too), not both");
            }
            cluster(clusterUrl ? redisUrl.strip() : "", clusterNodes, env, settings);
            env.getPropertySources().addFirst(new MapPropertySource("helpdesk-redis-topology", Map.copyOf(settings)));
            return;
        }
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

    /*
     * Redis Cluster: Lettuce learns the whole cluster from any of the nodes, and follows slot moves
     * and failovers at once (adaptive refresh on MOVED/ASK and reconnects) and on a period as well,
     * for a change that no command has run into yet. Every multi-key script keeps its keys in one
     * slot (docs/architecture.md, "Key layout").
     */
    private static void cluster(String url, String nodes, ConfigurableEnvironment env, Map<String, Object> settings) {
        if (!url.isEmpty()) {
            // rediss+cluster://[user:password@]host:port,host:port
            String rest = url.substring(url.indexOf("://") + 3);
            if (url.regionMatches(true, 0, "rediss", 0, 6)) {
                settings.put("spring.data.redis.ssl.enabled", "true");
            }
            int at = rest.lastIndexOf('@');
            if (at >= 0) {
                String userInfo = rest.substring(0, at);
                rest = rest.substring(at + 1);
                int colon = userInfo.indexOf(':');
                String user = colon < 0 ? "" : userInfo.substring(0, colon);
                String password = colon < 0 ? userInfo : userInfo.substring(colon + 1);
                if (!user.isEmpty()) {
                    settings.put("spring.data.redis.username", decode(user));
                }
                if (!password.isEmpty()) {
                    settings.put("spring.data.redis.password", decode(password));
                }
            }
            int slash = rest.indexOf('/');
            nodes = slash < 0 ? rest : rest.substring(0, slash);
        }
        if (!StringUtils.hasText(nodes) || !nodes.matches("[^,\\s]+:\\d+(\\s*,\\s*[^,\\s]+:\\d+)*")) {
            throw new UnsafeSettingException(url.isEmpty() ? "REDIS_CLUSTER_NODES" : "REDIS_URL",
                    "does not name the Cluster's nodes as host:port", "list some or all masters, e.g. "
                            + "redis-0:6379,redis-1:6379,redis-2:6379 (or redis+cluster://redis-0:6379,redis-1:6379)");
        }
        settings.put("spring.data.redis.cluster.nodes", nodes.replaceAll("\\s", ""));
        settings.put("spring.data.redis.lettuce.cluster.refresh.adaptive", "true");
        settings.put("spring.data.redis.lettuce.cluster.refresh.period", env.getProperty("REDIS_CLUSTER_REFRESH", "30s"));
        settings.put("spring.data.redis.lettuce.cluster.refresh.dynamic-refresh-sources", "true");
        String password = env.getProperty("REDIS_PASSWORD", "");
        if (StringUtils.hasText(password)) {
            settings.put("spring.data.redis.password", password);
        }
    }

    private static String decode(String part) {
        return java.net.URLDecoder.decode(part, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether the deployment named a Redis of its own (so no embedded one may start). */
    static boolean external(org.springframework.core.env.Environment env) {
        return StringUtils.hasText(env.getProperty("spring.data.redis.url"))
                || StringUtils.hasText(env.getProperty("spring.data.redis.host"))
                || StringUtils.hasText(env.getProperty("spring.data.redis.sentinel.master"))
                || StringUtils.hasText(env.getProperty("spring.data.redis.cluster.nodes"));
    }
}
