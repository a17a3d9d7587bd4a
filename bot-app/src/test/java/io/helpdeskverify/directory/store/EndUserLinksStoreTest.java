package io.helpdeskverify.directory.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.helpdeskverify.directory.EndUser;
import io.helpdeskverify.directory.EndUser.Directory;
import io.helpdeskverify.directory.EndUser.Link;
import io.helpdeskverify.directory.EndUser.Source;
import io.helpdeskverify.directory.EndUser.Synced;
import io.helpdeskverify.directory.SaveResult;
import io.helpdeskverify.directory.WriteMode;
import io.helpdeskverify.shared.StoredJson;
import io.helpdeskverify.support.Fixtures;
import io.helpdeskverify.support.RedisConnection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A person in two directories in Redis: every directory's id (and the objectGUID a Microsoft 365
 * account is synced from) finds them, an id they lose stops finding them, users stored before links
 * read back with their one link, and a merge that read an older version writes nothing.
 */
@ExtendWith(RedisConnection.class)
class EndUserLinksStoreTest {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_ABSENT);
    static final String GRAPH_ID = "7a3c2e10-5b6d-4f8e-9a1b-2c3d4e5f6a7b";
    static final String GUID = "76543210-ba98-fedc-0123-456789abcdef";
    static final Synced JANE = new Synced("Jane Roe", Optional.of("jane@contoso.com"), Optional.of("+12025550160"), true);

    @Test
    void everyDirectorysIdFindsThePersonAndALostOneNoLonger(StringRedisTemplate redis) {
        var repository = DirectoryStoresForTests.repository(redis, new StoredJson(JSON));
        String customer = Fixtures.unique("links");
        var graph = new Link(Directory.GRAPH, GRAPH_ID, Source.AD_SYNCED, JANE, Optional.of(GUID), List.of());
        var both = user(customer, Instant.now(), List.of(graph));
        assertThat(repository.saveEndUser(both, WriteMode.CREATE)).isEqualTo(new SaveResult.Saved(true));
        assertThat(repository.endUserByExternalId(customer, GRAPH_ID)).isPresent();
        assertThat(repository.endUserByExternalId(customer, GUID)).as("the AD import finds her by her objectGUID")
                .map(EndUser::username).contains("jane@contoso.com");

        var withAd = user(customer, Instant.now().plusMillis(1), List.of(graph,
                new Link(Directory.AD_ONPREM, GUID, Source.AD_ONPREM, JANE, Optional.empty(), List.of())));
        assertThat(repository.replaceEndUser(withAd, both.updatedAt())).isInstanceOf(SaveResult.Saved.class);
        var stored = repository.endUser(customer, "jane@contoso.com").orElseThrow();
        assertThat(stored.links()).hasSize(2);
        assertThat(stored.externalId()).as("the first directory's").contains(GRAPH_ID);

        var stale = user(customer, Instant.now().plusMillis(2), List.of(graph));
        assertThat(repository.replaceEndUser(stale, both.updatedAt())).as("merged from what was there before")
                .isInstanceOf(SaveResult.Stale.class);
        assertThat(repository.endUser(customer, "jane@contoso.com").orElseThrow().links()).hasSize(2);

        var adOnly = user(customer, Instant.now().plusMillis(3), List.of(
                new Link(Directory.AD_ONPREM, GUID, Source.AD_ONPREM, JANE, Optional.empty(), List.of())));
        assertThat(repository.replaceEndUser(adOnly, withAd.updatedAt())).isInstanceOf(SaveResult.Saved.class);
        assertThat(repository.endUserByExternalId(customer, GRAPH_ID)).as("gone from Microsoft 365").isEmpty();
        assertThat(repository.endUserByExternalId(customer, GUID)).isPresent();
        assertThat(repository.endUser(customer, "jane@contoso.com").orElseThrow().source()).isEqualTo(Source.AD_ONPREM);
    }

    @Test
    void aUserStoredBeforeLinksReadsBackWithItsOneLink(StringRedisTemplate redis) throws Exception {
        var repository = DirectoryStoresForTests.repository(redis, new StoredJson(JSON));
        String customer = Fixtures.unique("links");
        var old = JSON.createObjectNode().put("customer", customer).put("username", "adele@contoso.com")
                .put("displayName", "Adele").put("email", "adele@contoso.com").put("mobile", "+12025550111")
                .put("enabled", true).put("source", "ENTRA_CLOUD").put("updatedAt", "2026-01-01T00:00:00Z")
                .put("externalId", GRAPH_ID);
        old.putObject("synced").put("displayName", "Adele").put("email", "adele@contoso.com")
                .put("mobile", "+12025550111").put("enabled", true);
        redis.opsForHash().put(DirectoryKeys.usersKey(customer), "adele@contoso.com", old.toString());

        var user = repository.endUser(customer, "adele@contoso.com").orElseThrow();

        assertThat(user.links()).containsExactly(new Link(Directory.GRAPH, GRAPH_ID, Source.ENTRA_CLOUD,
                new Synced("Adele", Optional.of("adele@contoso.com"), Optional.of("+12025550111"), true),
                Optional.empty(), List.of()));
        assertThat(user.memberOf()).as("stored before groups: none").isEmpty();
        assertThat(user.groups()).isEmpty();
        assertThat(repository.replaceEndUser(user, Instant.parse("2026-01-01T00:00:00Z")))
                .as("the updatedAt it was read with, spelled as stored").isInstanceOf(SaveResult.Saved.class);
    }

    private static EndUser user(String customer, Instant at, List<Link> links) {
        return new EndUser(customer, "jane@contoso.com", "Jane Roe", JANE.email(), JANE.mobile(), true,
                links.get(0).source(), at.truncatedTo(ChronoUnit.MICROS), Optional.empty(),
                Optional.of("jane@contoso.com"), Set.of(), Optional.of(JANE), Optional.empty(), Optional.empty(),
                Optional.of("jroe"), links, List.of());
    }
}
