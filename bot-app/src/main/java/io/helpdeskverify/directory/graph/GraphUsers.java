package io.helpdeskverify.directory.graph;

import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.directory.ExternalUser;
import io.helpdeskverify.directory.ExternalUser.Attribute;
import io.helpdeskverify.directory.ObjectGuids;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads one page of {@code /users} or {@code /users/delta} (and a tenant's {@code /organization})
 * through the Graph SDK and turns it into directory terms. Links Graph hands back are followed on
 * the configured API root, so a test or sovereign-cloud Graph that echoes public-cloud links is
 * still the one asked.
 */
class GraphUsers {

    static final String[] SELECT = {"id", "displayName", "userPrincipalName", "mail", "otherMails", "mobilePhone",
            "businessPhones", "accountEnabled", "onPremisesSyncEnabled", "onPremisesImmutableId"};

    private final GraphClients clients;
    private final GraphProperties props;

    GraphUsers(GraphClients clients, GraphProperties props) {
        this.clients = clients;
        this.props = props;
    }

    /**
     * The first page of a delta round without a token: the full import, which ends with the
     * {@code deltaLink} later syncs continue from (one enumeration of the tenant, not a listing and
     * then a delta round). The SDK's own template is {@code /users/delta()}; the documented
     * {@code /users/delta} is what every Graph (and fake) answers, and what Graph's links use afterwards.
     */
    Page firstDeltaPage(String tenant) {
        return deltaPage(tenant, props.apiRoot() + "/users/delta?$select=" + String.join(",", SELECT));
    }

    /**
     * A {@code nextLink} within a delta round, or a stored {@code deltaLink} that starts the next
     * round. Delta takes no {@code $top}: the page size goes in {@code Prefer: odata.maxpagesize}.
     */
    Page deltaPage(String tenant, String link) {
        return call(() -> {
            var r = clients.forTenant(tenant).users().delta().withUrl(onApiRoot(link))
                    .get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=" + props.pageSize()));
            return page(r.getValue(), r.getOdataNextLink(), r.getOdataDeltaLink());
        });
    }

    /** {@code https://graph.microsoft.com/v1.0/users/delta?$skiptoken=…} → the same path and query on our API root. */
    String onApiRoot(String link) {
        URI uri = URI.create(link);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        int users = path.lastIndexOf("/users");
        if (users < 0) {
            throw new GraphFailure(0, "Graph returned a paging link that is not about users: " + link, Optional.empty());
        }
        return props.apiRoot() + path.substring(users) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static Page page(List<User> values, String nextLink, String deltaLink) {
        var users = new ArrayList<ExternalUser>();
        var removed = new ArrayList<String>();
        for (User u : values == null ? List.<User>of() : values) {
            if (u.getId() == null || u.getId().isBlank()) {
                continue;
            }
            if (u.getAdditionalData() != null && u.getAdditionalData().containsKey("@removed")) {
                removed.add(u.getId());
            } else {
                users.add(external(u));
            }
        }
        return new Page(users, removed, Optional.ofNullable(nextLink), Optional.ofNullable(deltaLink));
    }

    /**
     * Only what Graph sent counts: a delta page carries the changed properties, and an absent
     * property must not wipe what the directory holds.
     */
    static ExternalUser external(User u) {
        Map<String, Object> present = u.getBackingStore().enumerate();
        var sent = EnumSet.noneOf(Attribute.class);
        if (present.containsKey("userPrincipalName")) {
            sent.add(Attribute.UPN);
        }
        if (present.containsKey("displayName")) {
            sent.add(Attribute.DISPLAY_NAME);
        }
        if (present.containsKey("mail") || present.containsKey("otherMails")) {
            sent.add(Attribute.EMAIL);
        }
        if (present.containsKey("mobilePhone")) {
            sent.add(Attribute.MOBILE);
        }
        if (present.containsKey("accountEnabled")) {
            sent.add(Attribute.ENABLED);
        }
        if (present.containsKey("onPremisesSyncEnabled")) {
            sent.add(Attribute.SOURCE);
        }
        if (present.containsKey("onPremisesImmutableId")) {
            sent.add(Attribute.ON_PREMISES_ID);
        }
        return new ExternalUser(u.getId(), sent, Optional.ofNullable(u.getUserPrincipalName()),
                Optional.ofNullable(u.getDisplayName()), Optional.ofNullable(u.getMail()),
                u.getOtherMails() == null ? List.of() : u.getOtherMails().stream().filter(m -> m != null).toList(),
                Optional.ofNullable(u.getMobilePhone()), !Boolean.FALSE.equals(u.getAccountEnabled()),
                Boolean.TRUE.equals(u.getOnPremisesSyncEnabled()) ? EndUser.Source.AD_SYNCED : EndUser.Source.ENTRA_CLOUD,
                Optional.empty(), ObjectGuids.fromImmutableId(u.getOnPremisesImmutableId()), List.of());
    }

    /** At most this many groups of one user are read: more pages than that are a loop, not a user. */
    static final int MAX_GROUP_PAGES = 50;

    /**
     * The groups and directory roles a user is a member of, directly or through nested groups
     * ({@code GET /users/{id}/transitiveMemberOf}, every page); administrative units are not groups and
     * are left out. With only {@code User.Read.All} Graph returns each group with its id and a null
     * {@code displayName} ("limited information"): then the id is the name too, and a policy must name the id.
     */
    List<EndUser.Group> groups(String tenant, String userId) {
        return call(() -> {
            var groups = new ArrayList<EndUser.Group>();
            var memberOf = clients.forTenant(tenant).users().byUserId(userId).transitiveMemberOf();
            var r = memberOf.get(rc -> {
                rc.queryParameters.select = new String[] {"id", "displayName"};
                rc.queryParameters.top = 999;
            });
            for (int pages = 1; ; pages++) {
                for (var o : r.getValue() == null ? List.<com.microsoft.graph.models.DirectoryObject>of() : r.getValue()) {
                    group(o).ifPresent(groups::add);
                }
                if (r.getOdataNextLink() == null || pages >= MAX_GROUP_PAGES) {
                    return groups;
                }
                r = memberOf.withUrl(onApiRoot(r.getOdataNextLink())).get();
            }
        });
    }

    private static Optional<EndUser.Group> group(com.microsoft.graph.models.DirectoryObject o) {
        if (o.getId() == null || o.getId().isBlank()) {
            return Optional.empty();
        }
        String name;
        if (o instanceof com.microsoft.graph.models.Group g) {
            name = g.getDisplayName();
        } else if (o instanceof com.microsoft.graph.models.DirectoryRole role) {
            name = role.getDisplayName();
        } else {
            return Optional.empty();
        }
        return Optional.of(new EndUser.Group(name == null || name.isBlank() ? o.getId() : name.strip(),
                Optional.of(o.getId())));
    }

    /**
     * The tenant's name and verified domains ({@code GET /organization}, one entry per tenant), read
     * with the app's token for that tenant: what the consent callback checks before linking it.
     */
    Organization organization(String tenant) {
        return call(() -> {
            var r = clients.forTenant(tenant).organization().get(rc ->
                    rc.queryParameters.select = new String[] {"id", "displayName", "verifiedDomains"});
            var orgs = r.getValue() == null ? List.<com.microsoft.graph.models.Organization>of() : r.getValue();
            String name = orgs.stream().map(o -> o.getDisplayName()).filter(n -> n != null && !n.isBlank())
                    .findFirst().orElse("");
            List<String> domains = orgs.stream()
                    .flatMap(o -> o.getVerifiedDomains() == null ? Stream.empty() : o.getVerifiedDomains().stream())
                    .map(d -> d.getName()).filter(n -> n != null && !n.isBlank()).distinct().toList();
            return new Organization(name, domains);
        });
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (ODataError e) {
            String code = e.getError() == null ? "" : String.valueOf(e.getError().getCode());
            String message = e.getError() == null ? e.getMessage() : e.getError().getMessage();
            throw new GraphFailure(e.getResponseStatusCode(), code + ": " + message, retryAfter(e));
        } catch (ApiException e) {
            throw new GraphFailure(e.getResponseStatusCode(), e.getMessage(), retryAfter(e));
        } catch (UnsupportedOperationException e) {
            // The SDK could not read an error body: not Graph's JSON error format.
            throw new GraphFailure(0, "the Graph API answered with an error that is not Graph's JSON (is GRAPH_API_URL "
                    + "right?)", Optional.empty());
        } catch (RuntimeException e) {
            // Token endpoint refusals (wrong secret, no consent) and network errors end up here.
            throw new GraphFailure(0, rootMessage(e), Optional.empty());
        }
    }

    private static Optional<Long> retryAfter(ApiException e) {
        var headers = e.getResponseHeaders();
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Retry-After"))
                .flatMap(h -> h.getValue().stream()).findFirst().flatMap(v -> {
                    try {
                        return Optional.of(Long.parseLong(v.strip()));
                    } catch (NumberFormatException ex) {
                        return Optional.empty();
                    }
                });
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** A tenant as {@code /organization} describes it: its display name and verified domain names. */
    record Organization(String displayName, List<String> verifiedDomains) {}

    /** One page: users to apply, ids to disable, and where to go next. */
    record Page(List<ExternalUser> users, List<String> removedIds, Optional<String> nextLink,
                Optional<String> deltaLink) {}
}
