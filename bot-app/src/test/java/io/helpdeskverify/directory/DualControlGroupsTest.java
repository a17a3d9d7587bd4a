package io.helpdeskverify.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.directory.EndUser.Group;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which groups a policy's entries match: a name in any case, an id (Graph object id, AD DN) only exactly. */
class DualControlGroupsTest {

    static final String DN = "CN=Domain Admins,CN=Users,DC=acme,DC=local";

    static EndUser in(Group... groups) {
        return new EndUser("acme", "jdoe", "J Doe", Optional.empty(), Optional.empty(), true, EndUser.Source.CSV,
                Instant.EPOCH).withGroups(List.of(groups));
    }

    @Test
    void aNameMatchesInAnyCaseAndAnIdOnlyExactly() {
        var admins = new Group("Domain Admins", Optional.of(DN));
        assertThat(new DualControl(Set.of(), Set.of("DOMAIN ADMINS"), false).why(in(admins)))
                .contains("member of Domain Admins");
        assertThat(new DualControl(Set.of(), Set.of(DN), false).covers(in(admins))).isTrue();
        assertThat(new DualControl(Set.of(), Set.of(DN.toLowerCase()), false).covers(in(admins)))
                .as("an id is exact").isFalse();
        assertThat(new DualControl(Set.of(), Set.of("Domain"), false).covers(in(admins))).as("no prefix match").isFalse();
        assertThat(new DualControl(Set.of(), Set.of("Domain Admins"), false).covers(in(new Group("Finance",
                Optional.of("CN=Finance,OU=Groups,DC=acme,DC=local"))))).isFalse();
        assertThat(new DualControl(Set.of(), Set.of("Domain Admins"), false).covers(in())).isFalse();
    }

    @Test
    void aNamedUserIsTheReasonBeforeAGroupAndEveryVerificationBeforeBoth() {
        var user = in(new Group("Executives", Optional.empty()));
        assertThat(new DualControl(Set.of("jdoe"), Set.of("executives"), false).why(user)).contains("named high-risk user");
        assertThat(new DualControl(Set.of(), Set.of("executives"), true).why(user))
                .contains("every verification of the customer");
        assertThat(DualControl.OFF.why(user)).isEmpty();
    }

    @Test
    void everyDirectorysGroupsCountAndAGroupTwoSourcesNameIsListedOnce() {
        var synced = new EndUser.Synced("J Doe", Optional.empty(), Optional.empty(), true);
        var ad = new EndUser.Link(EndUser.Directory.AD_ONPREM, "guid", EndUser.Source.AD_ONPREM, synced,
                Optional.empty(), List.of(new Group("Domain Admins", Optional.of(DN))));
        var graph = new EndUser.Link(EndUser.Directory.GRAPH, "oid", EndUser.Source.AD_SYNCED, synced,
                Optional.empty(), List.of(new Group("Domain Admins", Optional.of(DN)),
                new Group("Executives", Optional.of("g-1"))));
        var user = in(new Group("executives", Optional.empty()), new Group("Board", Optional.empty()))
                .withLinks(List.of(ad, graph), Optional.of(synced), true, Instant.EPOCH);

        assertThat(user.memberOf()).extracting(Group::name).containsExactly("Domain Admins", "Executives", "Board");
        assertThat(new DualControl(Set.of(), Set.of("g-1"), false).why(user)).contains("member of Executives");
    }
}
