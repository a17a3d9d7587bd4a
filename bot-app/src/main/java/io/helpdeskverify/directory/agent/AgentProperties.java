package io.helpdeskverify.directory.agent;

import io.helpdeskverify.directory.DirectoryException;
import io.helpdeskverify.directory.LdapSource;
import io.helpdeskverify.shared.MissingSettingException;
import io.helpdeskverify.shared.UnsafeSettingException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The directory agent's settings, from {@code AGENT_*} environment variables (docs/configuration.md).
 * Bound by {@link AgentApplication} itself, not by {@code @ConfigurationProperties}: the bot's
 * properties scan would otherwise find this record and ask the bot for an agent's settings.
 *
 * @param botUrl the bot's public base URL, {@code https://} (plain http only to a loopback address)
 * @param customer the customer slug the token was issued for
 * @param baseDns separated by {@code ;}, because every DN has commas
 * @param caCertFile PEM file of the CA that issued the domain controllers' certificates
 * @param stateDir where the cursor file lives; it must survive restarts
 * @param interval how often the agent reads its directory's changes
 * @param fullInterval how often a full snapshot instead (the pass that finds deleted accounts)
 * @param retryInitial first wait before retrying a push the bot did not take; doubled up to {@code retryMax}
 * @param retryAttempts tries of one push before the pass fails (and starts again at the next interval)
 */
record AgentProperties(URI botUrl, String token, String customer, List<String> ldapUrls, String bindDn,
                       String bindPassword, String baseDns, String filter, Path caCertFile, boolean startTls,
                       boolean allowPlainLdap, Path stateDir, Duration interval, Duration fullInterval, int pageSize,
                       Duration connectTimeout, Duration responseTimeout, Duration retryInitial, Duration retryMax,
                       int retryAttempts) {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    AgentProperties {
        ldapUrls = ldapUrls == null ? List.of() : List.copyOf(ldapUrls);
        stateDir = stateDir == null ? Path.of("agent-state") : stateDir;
        interval = interval == null ? Duration.ofMinutes(5) : interval;
        fullInterval = fullInterval == null ? Duration.ofHours(24) : fullInterval;
        pageSize = pageSize == 0 ? 1000 : pageSize;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(60) : responseTimeout;
        retryInitial = retryInitial == null ? Duration.ofSeconds(1) : retryInitial;
        retryMax = retryMax == null ? Duration.ofMinutes(5) : retryMax;
        retryAttempts = retryAttempts == 0 ? 10 : retryAttempts;
    }

    /** @throws MissingSettingException or {@link UnsafeSettingException} naming the variable */
    void validate() {
        if (botUrl == null || botUrl.getHost() == null) {
            throw new MissingSettingException("AGENT_BOT_URL", "the bot's base URL, e.g. https://verify.example-msp.com");
        }
        boolean https = "https".equalsIgnoreCase(botUrl.getScheme());
        if (!https && !("http".equalsIgnoreCase(botUrl.getScheme()) && LOOPBACK.contains(botUrl.getHost().toLowerCase(Locale.ROOT)))) {
            throw new UnsafeSettingException("AGENT_BOT_URL", "'" + botUrl + "' is not https://: the users' mobile "
                    + "numbers and the agent token would cross the network readable.", "Use the bot's https:// URL "
                    + "(plain http is accepted only to a loopback address, e.g. a local TLS proxy).");
        }
        require(token, "AGENT_TOKEN", "the AGENT token issued for this customer (POST /api/v1/tokens)");
        require(customer, "AGENT_CUSTOMER", "the customer's slug, the one the token was issued for");
        if (pageSize < 1 || pageSize > 1000) {
            throw new UnsafeSettingException("AGENT_PAGE_SIZE", pageSize + " is outside 1 to 1000.", "Use at most "
                    + "1000: AD's MaxPageSize, and the most users the bot takes in one batch.");
        }
        if (interval.compareTo(Duration.ofSeconds(10)) < 0 || fullInterval.compareTo(interval) < 0) {
            throw new UnsafeSettingException("AGENT_INTERVAL", interval + " is under 10s, or AGENT_FULL_INTERVAL ("
                    + fullInterval + ") is shorter than it.", "Give AGENT_INTERVAL at least 10s and AGENT_FULL_INTERVAL "
                    + "at least as much.");
        }
    }

    /** The directory to read, as the bot's own sync would hold it. */
    LdapSource source() {
        Optional<String> pem = Optional.ofNullable(caCertFile).map(AgentProperties::read);
        var dns = java.util.Arrays.stream(orEmpty(baseDns).split(";")).map(String::strip).filter(d -> !d.isEmpty())
                .toList();
        var source = new LdapSource(ldapUrls, orEmpty(bindDn), orEmpty(bindPassword), dns,
                Optional.ofNullable(filter).map(String::strip), pem, allowPlainLdap, startTls);
        try {
            source.validate();
        } catch (DirectoryException.Invalid e) {
            throw new MissingSettingException(variable(e.field()), e.getMessage());
        }
        return source;
    }

    private static String variable(String field) {
        String f = field.replaceAll("\\[.*", "");
        return switch (f) {
            case "urls" -> "AGENT_LDAP_URLS";
            case "bindDn" -> "AGENT_BIND_DN";
            case "password" -> "AGENT_BIND_PASSWORD";
            case "baseDns" -> "AGENT_BASE_DNS";
            default -> "AGENT_" + f.toUpperCase(Locale.ROOT);
        };
    }

    private static String read(Path pem) {
        try {
            return Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new MissingSettingException("AGENT_CA_CERT_FILE", "cannot read " + pem + ": " + e.getMessage());
        }
    }

    private static void require(String value, String variable, String what) {
        if (value == null || value.isBlank()) {
            throw new MissingSettingException(variable, what);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    @Override
    public String toString() {
        return "AgentProperties[botUrl=" + botUrl + ", customer=" + customer + ", ldapUrls=" + ldapUrls
                + ", token=redacted, bindPassword=redacted]";
    }
}
