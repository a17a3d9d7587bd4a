package io.helpdeskverify.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.helpdeskverify.verification.Reachability.PushReadiness;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MethodSelectorTest {

    private final MethodSelector selector = new MethodSelector();
    private final Set<Method> all = EnumSet.allOf(Method.class);
    private final Set<Channel> channels = EnumSet.allOf(Channel.class);

    private static Reachability r(PushReadiness push, boolean mobile, boolean email) {
        return new Reachability(push, mobile, email);
    }

    @Test
    void offersExactlyWhatTheContactsAllow() {
        assertThat(selector.offered(r(PushReadiness.NO_DEVICE, true, false), all, channels)).containsExactly(Method.SMS_CODE);
        assertThat(selector.offered(r(PushReadiness.NO_DEVICE, false, true), all, channels)).containsExactly(Method.EMAIL_CODE);
        assertThat(selector.offered(r(PushReadiness.NO_DEVICE, true, true), all, channels))
                .containsExactly(Method.SMS_CODE, Method.EMAIL_CODE);
        assertThat(selector.offered(r(PushReadiness.READY, true, true), all, channels)).containsExactly(Method.PUSH,
                Method.PUSH_WITH_CODE, Method.VERIFIED_PUSH, Method.SMS_CODE, Method.EMAIL_CODE);
        assertThat(selector.offered(r(PushReadiness.NOTIFICATIONS_OFF, true, false), all, channels))
                .containsExactly(Method.SMS_CODE);
    }

    @Test
    void unconfiguredChannelsAndPolicyLimitWhatIsOffered() {
        var ready = r(PushReadiness.READY, true, true);
        assertThat(selector.offered(ready, all, EnumSet.of(Channel.EMAIL))).containsExactly(Method.EMAIL_CODE);
        assertThat(selector.offered(ready, EnumSet.of(Method.SMS_CODE), channels)).containsExactly(Method.SMS_CODE);
    }

    @Test
    void pushFallsBackToSmsWithTheReason() {
        var plan = selector.plan(Optional.of(Method.PUSH), r(PushReadiness.NOTIFICATIONS_OFF, true, true), all, channels);
        assertThat(plan).isInstanceOf(DeliveryPlan.Deliver.class);
        assertThat(((DeliveryPlan.Deliver) plan).method()).isEqualTo(Method.SMS_CODE);
        assertThat(((DeliveryPlan.Deliver) plan).fallbacks()).containsExactly("push not possible: notifications disabled");
    }

    @Test
    void pushWithoutMobileFallsBackToEmail() {
        var plan = selector.plan(Optional.of(Method.PUSH_WITH_CODE), r(PushReadiness.NO_DEVICE, false, true), all, channels);
        assertThat(plan).isInstanceOf(DeliveryPlan.Deliver.class);
        assertThat(((DeliveryPlan.Deliver) plan).method()).isEqualTo(Method.EMAIL_CODE);
        assertThat(((DeliveryPlan.Deliver) plan).fallbacks()).containsExactly("push not possible: no enrolled device",
                "SMS not possible: no mobile number");
    }

    @Test
    void nothingLeftIsImpossible() {
        assertThat(selector.plan(Optional.of(Method.PUSH), r(PushReadiness.NO_DEVICE, false, false), all, channels))
                .isInstanceOf(DeliveryPlan.Impossible.class);
        assertThat(selector.plan(Optional.empty(), r(PushReadiness.NO_DEVICE, false, false), all, channels))
                .isInstanceOf(DeliveryPlan.Impossible.class);
    }

    @Test
    void anExplicitSmsOrEmailRequestIsNeverSilentlyChanged() {
        var plan = selector.plan(Optional.of(Method.EMAIL_CODE), r(PushReadiness.NO_DEVICE, true, false), all, channels);
        assertThat(plan).isInstanceOf(DeliveryPlan.Impossible.class);
        assertThat(((DeliveryPlan.Impossible) plan).reason()).contains("no email").contains("available: SMS code");
    }

    @Test
    void theDefaultIsTheFirstOffered() {
        assertThat(selector.plan(Optional.empty(), r(PushReadiness.NO_DEVICE, true, true), all, channels))
                .isEqualTo(new DeliveryPlan.Deliver(Method.SMS_CODE, List.of()));
    }

    @Test
    void aRuntimePushFailureGoesDownTheLadder() {
        var ready = r(PushReadiness.READY, true, true);
        assertThat(selector.next(Method.PUSH, "token rejected", ready, all, channels)).isEqualTo(new DeliveryPlan.Deliver(
                Method.SMS_CODE, List.of(new DeliveryPlan.Skip(Channel.PUSH, "token rejected"))));
        assertThat(selector.next(Method.SMS_CODE, "undelivered", ready, all, channels))
                .extracting(p -> ((DeliveryPlan.Deliver) p).method()).isEqualTo(Method.EMAIL_CODE);
        assertThat(selector.next(Method.EMAIL_CODE, "bounced", ready, all, channels)).isInstanceOf(DeliveryPlan.Impossible.class);
    }

    @Test
    void theReverseCheckTakesTheLaddersChannelAlwaysWithACode() {
        assertThat(reverse(r(PushReadiness.READY, true, true), all, channels)).isEqualTo(Method.PUSH_WITH_CODE);
        assertThat(reverse(r(PushReadiness.NOTIFICATIONS_OFF, true, true), all, channels)).isEqualTo(Method.SMS_CODE);
        assertThat(reverse(r(PushReadiness.NO_DEVICE, false, true), all, channels)).isEqualTo(Method.EMAIL_CODE);
        // A customer that allows only plain push still gets the app: the code comes with the reverse check.
        assertThat(reverse(r(PushReadiness.READY, true, true), EnumSet.of(Method.PUSH), channels)).isEqualTo(Method.PUSH_WITH_CODE);
        assertThat(reverse(r(PushReadiness.READY, true, true), all, EnumSet.of(Channel.SMS))).isEqualTo(Method.SMS_CODE);
        assertThat(selector.reversePlan(r(PushReadiness.NO_DEVICE, false, false), all, channels))
                .isInstanceOf(DeliveryPlan.Impossible.class);
    }

    private Method reverse(Reachability reach, Set<Method> allowed, Set<Channel> on) {
        var plan = selector.reversePlan(reach, allowed, on);
        assertThat(plan).isInstanceOf(DeliveryPlan.Deliver.class);
        return ((DeliveryPlan.Deliver) plan).method();
    }
}
