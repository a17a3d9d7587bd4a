package io.helpdeskverify.siem;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The admin's side of SIEM delivery: destinations made, listed, removed, and their signing secrets. */
public class Webhooks {

    private static final int MAX_DESCRIPTION = 200;

    private final WebhookStore store;
    private final DeliveryStates states;
    private final EventFeed feed;
    private final WebhookUrls urls;
    private final SecureRandom random;
    private final Clock clock;

    Webhooks(WebhookStore store, DeliveryStates states, EventFeed feed, WebhookUrls urls, SecureRandom random,
             Clock clock) {
        this.store = store;
        this.states = states;
        this.feed = feed;
        this.urls = urls;
        this.random = random;
        this.clock = clock;
    }

    /**
     * A destination with its secret, shown this once.
     *
     * @param secret the signing secret in plain text: the only time anyone sees it
     */
    public record Created(WebhookDestination destination, String secret) {}

    /**
     * A destination and where its delivery stands.
     *
     * @param lastEventId the newest event the cursor is past ({@code 0-0} for none)
     */
    public record Status(WebhookDestination destination, DeliveryState delivery, String lastEventId) {}

    /**
     * A new destination, which receives every event stored from now on.
     *
     * @param customerExists whether a slug names a customer of this MSP
     */
    public Created create(String url, Optional<String> customer, String description, String createdBy,
                          Predicate<String> customerExists) {
        String checked = urls.check(url);
        Optional<String> c = customer.map(String::strip).filter(s -> !s.isEmpty());
        if (c.isPresent() && !customerExists.test(c.get())) {
            throw new WebhookRejected("customer", "No customer '" + c.get() + "'.");
        }
        String d = description == null ? "" : description.strip();
        if (d.length() > MAX_DESCRIPTION) {
            throw new WebhookRejected("description", "description is longer than " + MAX_DESCRIPTION + " characters.");
        }
        var destination = new WebhookDestination(newId(), checked, c, d, clock.instant(), createdBy);
        String secret = newSecret();
        store.create(destination, secret, feed.newestId());
        return new Created(destination, secret);
    }

    /**
     * A syslog destination (RFC 5424 over TCP, TLS unless the receiver is on this machine): the same
     * destination as a webhook, its URL {@code syslog+tls://host:port}, its secret unused.
     */
    public Created createSyslog(String host, Integer port, boolean tls, Optional<String> customer, String description,
                                String createdBy, Predicate<String> customerExists) {
        return create(WebhookUrls.syslogUrl(host, port, tls), customer, description, createdBy, customerExists);
    }

    public List<Status> all() {
        return store.all().stream().flatMap(d -> states.load(d.id()).map(s -> new Status(d, s, feed.newestPast(s.cursor()))).stream()).toList();
    }

    public Optional<Status> find(String id) {
        return store.find(id).flatMap(d -> states.load(d.id()).map(s -> new Status(d, s, feed.newestPast(s.cursor()))));
    }

    /** A new signing secret, shown this once; the old one stops signing at once. */
    public Optional<String> rotateSecret(String id) {
        String secret = newSecret();
        return store.replaceSecret(id, secret) ? Optional.of(secret) : Optional.empty();
    }

    public boolean delete(String id) {
        return store.delete(id);
    }

    private String newId() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return "wh_" + HexFormat.of().formatHex(b);
    }

    private String newSecret() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
