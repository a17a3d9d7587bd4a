package io.helpdeskverify.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helpdeskverify.access.AccessDecision.Reason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules without Spring or Redis: the door, the policy, and open versus strict. */
class AccessRulesTest {

    private static final String TENANT = "50612dbb-0237-4969-b378-8d42590f9c00";
    private static final AccessRules OPEN = new AccessRules(AccessMode.OPEN);
    private static final AccessRules STRICT = new AccessRules(AccessMode.STRICT);
    private static final UserGroups GROUPS = (workspace, group, user) -> group.equals("S1") && user.equals("UG");

    @Test
    void withoutAPolicyTheModeDecides() {
        var tina = slack("U1", "C1");
        assertThat(OPEN.decide(Optional.empty(), tina, GROUPS)).isInstanceOf(AccessDecision.Allowed.class);
        assertThat(STRICT.decide(Optional.empty(), tina, GROUPS)).isEqualTo(new AccessDecision.Refused(Reason.NOT_IN_POLICY));
        assertThat(OPEN.decide(Optional.of(AccessPolicy.none()), tina, GROUPS)).isInstanceOf(AccessDecision.Allowed.class);
    }

    @Test
    void aPolicyAppliesInBothModes() {
        var policy = Optional.of(new AccessPolicy(List.of(new SlackGrant("T1", List.of("U1"), List.of("S1"), List.of("C9"))),
                List.of()));
        for (AccessRules rules : List.of(OPEN, STRICT)) {
            assertThat(rules.decide(policy, slack("U1", "C1"), GROUPS)).isInstanceOf(AccessDecision.Allowed.class);
            assertThat(rules.decide(policy, slack("UX", "C9"), GROUPS)).isInstanceOf(AccessDecision.Allowed.class);
            assertThat(rules.decide(policy, slack("UG", "C1"), GROUPS)).isInstanceOf(AccessDecision.Allowed.class);
            assertThat(rules.decide(policy, slack("UX", "C1"), GROUPS)).isInstanceOf(AccessDecision.Refused.class);
            // The grant is for T1: the same user id in another workspace is somebody else.
            assertThat(rules.decide(policy, TechnicianContext.slack("T2", Optional.of("T2"), "U1", "C1"), GROUPS))
                    .isInstanceOf(AccessDecision.Refused.class);
        }
    }

    @Test
    void anEmptyGrantMeansEveryoneOfThatWorkspace() {
        var policy = Optional.of(new AccessPolicy(List.of(SlackGrant.everyoneOf("T1")), List.of(TeamsGrant.everyoneOf(TENANT))));
        assertThat(STRICT.decide(policy, slack("UANY", "CANY"), GROUPS)).isInstanceOf(AccessDecision.Allowed.class);
        assertThat(STRICT.decide(policy, teams(Optional.of(TENANT.toUpperCase()), "aad", "", ""), GROUPS))
                .isInstanceOf(AccessDecision.Allowed.class);
    }

    @Test
    void slackConnectGuestsAreRefusedAtTheDoorWhateverThePolicy() {
        var guest = TechnicianContext.slack("T1", Optional.of("TGUEST"), "U1", "C1");
        var policy = Optional.of(new AccessPolicy(List.of(SlackGrant.everyoneOf("T1")), List.of()));
        assertThat(OPEN.decide(policy, guest, GROUPS)).isEqualTo(new AccessDecision.Refused(Reason.EXTERNAL_USER));
        assertThat(OPEN.decide(Optional.empty(), guest, GROUPS)).isEqualTo(new AccessDecision.Refused(Reason.EXTERNAL_USER));
    }

    @Test
    void teamsTenantsAtTheDoor() {
        // A single-tenant bot: another tenant, or none, is refused.
        var foreign = TechnicianContext.teams(Optional.of(TENANT), Optional.of("other"), "aad", "", "");
        var none = TechnicianContext.teams(Optional.of(TENANT), Optional.empty(), "aad", "", "");
        assertThat(OPEN.door(foreign)).contains(new AccessDecision.Refused(Reason.FOREIGN_TENANT));
        assertThat(OPEN.door(none)).contains(new AccessDecision.Refused(Reason.NO_TENANT));
        // No tenant configured (Emulator, playground): a tenant-less activity passes in open mode only.
        var anonymous = TechnicianContext.teams(Optional.empty(), Optional.empty(), "", "", "");
        assertThat(OPEN.door(anonymous)).isEmpty();
        assertThat(STRICT.door(anonymous)).contains(new AccessDecision.Refused(Reason.NO_TENANT));
    }

    @Test
    void teamsGrantsMatchUsersTeamsAndChannels() {
        var policy = Optional.of(new AccessPolicy(List.of(), List.of(new TeamsGrant(TENANT, List.of("AAD-1"),
                List.of("19:team"), List.of("19:chan")))));
        assertThat(STRICT.decide(policy, teams(Optional.of(TENANT), "aad-1", "", ""), GROUPS)).isInstanceOf(AccessDecision.Allowed.class);
        assertThat(STRICT.decide(policy, teams(Optional.of(TENANT), "x", "19:team", ""), GROUPS)).isInstanceOf(AccessDecision.Allowed.class);
        assertThat(STRICT.decide(policy, teams(Optional.of(TENANT), "x", "", "19:chan"), GROUPS)).isInstanceOf(AccessDecision.Allowed.class);
        assertThat(STRICT.decide(policy, teams(Optional.of(TENANT), "", "", ""), GROUPS)).isInstanceOf(AccessDecision.Refused.class);
    }

    @Test
    void policiesAreBounded() {
        assertThatThrownBy(() -> new SlackGrant(" ", List.of(), List.of(), List.of())).hasMessageContaining("workspace");
        assertThatThrownBy(() -> new SlackGrant("T1", List.of("x".repeat(201)), List.of(), List.of()))
                .hasMessageContaining("users[0]");
        assertThatThrownBy(() -> new AccessPolicy(List.of(SlackGrant.everyoneOf("T1"), SlackGrant.everyoneOf("T1")), List.of()))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> AccessMode.parse("lenient")).hasMessageContaining("'open' or 'strict'");
    }

    private static TechnicianContext slack(String user, String channel) {
        return TechnicianContext.slack("T1", Optional.of("T1"), user, channel);
    }

    private static TechnicianContext teams(Optional<String> tenant, String aad, String team, String channel) {
        return TechnicianContext.teams(Optional.empty(), tenant, aad, team, channel);
    }
}
