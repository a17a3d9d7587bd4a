package io.helpdeskverify.psa;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The PSA connections (docs/psa.md). The environment variable names are fixed ({@code CONNECTWISE_*},
 * {@code AUTOTASK_*}) and mapped onto these keys in application.yml. A PSA is on when its required
 * values are all set.
 *
 * @param http retries of one PSA call (429 and 5xx)
 * @param notes the write-back of outcomes as internal ticket notes
 */
@ConfigurationProperties("helpdesk.psa")
public record PsaProperties(@DefaultValue ConnectWise connectwise, @DefaultValue Autotask autotask,
                            @DefaultValue Http http, @DefaultValue Notes notes) {

    /**
     * @param url the site, e.g. {@code https://api-na.myconnectwise.net}
     * @param clientId from developer.connectwise.com, sent as the {@code clientId} header on every call
     */
    public record ConnectWise(String url, String companyId, String publicKey, String privateKey, String clientId) {
        public ConnectWise {
            url = trimmed(url);
            companyId = trimmed(companyId);
            publicKey = trimmed(publicKey);
            privateKey = trimmed(privateKey);
            clientId = trimmed(clientId);
        }

        public boolean configured() {
            return !url.isEmpty() && !companyId.isEmpty() && !publicKey.isEmpty() && !privateKey.isEmpty()
                    && !clientId.isEmpty();
        }

        @Override
        public String toString() {
            return "ConnectWise[url=" + url + ", companyId=" + companyId + ", keys and clientId hidden]";
        }
    }

    /**
     * @param discoveryUrl where {@code zoneInformation} is asked which zone the API user's database is in
     * @param callsPerHour our share of the database's 10,000 requests an hour (every other integration
     *        spends from the same budget): past it, calls wait for the next hour instead of going out
     */
    public record Autotask(String username, String secret, String integrationCode,
                           @DefaultValue("https://webservices.autotask.net/atservicesrest") String discoveryUrl,
                           @DefaultValue("5000") long callsPerHour) {
        public Autotask {
            username = trimmed(username);
            secret = trimmed(secret);
            integrationCode = trimmed(integrationCode);
            discoveryUrl = trimmed(discoveryUrl);
        }

        public boolean configured() {
            return !username.isEmpty() && !secret.isEmpty() && !integrationCode.isEmpty() && !discoveryUrl.isEmpty();
        }

        @Override
        public String toString() {
            return "Autotask[username=" + username + ", discoveryUrl=" + discoveryUrl + ", secret hidden]";
        }
    }

    /**
     * @param attempts tries of one call on 429, 5xx or no answer
     * @param backoff the first wait, doubled per try when the PSA does not say (Retry-After)
     * @param maxWait the longest wait inside one call: a PSA asking for more is "unavailable" now
     */
    public record Http(@DefaultValue("3") int attempts, @DefaultValue("500ms") Duration backoff,
                       @DefaultValue("10s") Duration maxWait, @DefaultValue("10s") Duration timeout) {}

    /**
     * @param attempts tries of one note before it is given up (an event and a message to the technician)
     * @param backoff the wait after the first failed try, doubled per try up to {@code maxBackoff}
     * @param lease how long a claimed note stays with its instance before another may take it
     * @param grace a note not made due by its verification's end is looked at this long after the deadline
     */
    public record Notes(@DefaultValue("2s") Duration pollInterval, @DefaultValue("8") int attempts,
                        @DefaultValue("30s") Duration backoff, @DefaultValue("30m") Duration maxBackoff,
                        @DefaultValue("60s") Duration lease, @DefaultValue("2m") Duration grace) {}

    private static String trimmed(String s) {
        return s == null ? "" : s.strip();
    }
}
