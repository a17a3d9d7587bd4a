package io.helpdeskverify.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which methods a user can receive, and the fallback ladder of the brief: push not possible → SMS
 * code; no mobile → email code; nothing left → no delivery. An explicit SMS or email request that
 * cannot be met is refused rather than silently changed: the technician asked for that channel.
 */
public final class MethodSelector {

    /** The order a technician sees the methods in; the first one is the default. */
    private static final List<Method> PREFERENCE =
            List.of(Method.PUSH, Method.PUSH_WITH_CODE, Method.VERIFIED_PUSH, Method.SMS_CODE, Method.EMAIL_CODE);

    /**
     * @param channels the channels this installation can send on (configured senders)
     */
    public List<Method> offered(Reachability r, Set<Method> allowed, Set<Channel> channels) {
        return PREFERENCE.stream().filter(m -> allowed.contains(m) && channels.contains(m.channel())
                && canReach(m.channel(), r)).toList();
    }

    public DeliveryPlan plan(Optional<Method> requested, Reachability r, Set<Method> allowed, Set<Channel> channels) {
        var offered = offered(r, allowed, channels);
        if (requested.isEmpty()) {
            return offered.isEmpty() ? new DeliveryPlan.Impossible(nothingReason(r)) : new DeliveryPlan.Deliver(offered.get(0), List.of());
        }
        Method m = requested.get();
        if (!allowed.contains(m)) {
            return new DeliveryPlan.Impossible(m.label() + " is not allowed by this customer's policy"
                    + available(offered));
        }
        if (m.channel() == Channel.PUSH) {
            return pushLadder(m, r, allowed, channels);
        }
        if (offered.contains(m)) {
            return new DeliveryPlan.Deliver(m, List.of());
        }
        String why = !channels.contains(m.channel()) ? m.label() + " is not configured on this installation"
                : m.channel() == Channel.SMS ? "the user has no mobile number registered"
                : "the user has no email address registered";
        return new DeliveryPlan.Impossible(why + available(offered));
    }

    /**
     * The reverse check's channel: the first one the user can be reached on, in the ladder's order
     * (app, else SMS, else email) and as this customer's policy and the senders allow, always as the
     * method of that channel that carries a code (the user compares it with the technician's).
     */
    public DeliveryPlan reversePlan(Reachability r, Set<Method> allowed, Set<Channel> channels) {
        var plan = plan(Optional.empty(), r, allowed, channels);
        if (plan instanceof DeliveryPlan.Deliver deliver) {
            return new DeliveryPlan.Deliver(codeMethod(deliver.method().channel()), deliver.skipped());
        }
        return plan;
    }

    private static Method codeMethod(Channel channel) {
        return switch (channel) {
            case PUSH -> Method.PUSH_WITH_CODE;
            case SMS -> Method.SMS_CODE;
            case EMAIL -> Method.EMAIL_CODE;
        };
    }

    /** The next rung below {@code current} after it failed at run time. */
    public DeliveryPlan next(Method current, String why, Reachability r, Set<Method> allowed, Set<Channel> channels) {
        var skipped = new ArrayList<DeliveryPlan.Skip>();
        skipped.add(new DeliveryPlan.Skip(current.channel(), why));
        if (current.channel() == Channel.PUSH && rung(Method.SMS_CODE, r, allowed, channels)) {
            return new DeliveryPlan.Deliver(Method.SMS_CODE, skipped);
        }
        if (current.channel() != Channel.EMAIL && rung(Method.EMAIL_CODE, r, allowed, channels)) {
            if (current.channel() == Channel.PUSH) {
                skipped.add(new DeliveryPlan.Skip(Channel.SMS, smsUnusable(r, allowed, channels)));
            }
            return new DeliveryPlan.Deliver(Method.EMAIL_CODE, skipped);
        }
        if (current.channel() == Channel.PUSH) {
            skipped.add(new DeliveryPlan.Skip(Channel.SMS, smsUnusable(r, allowed, channels)));
        }
        if (current.channel() != Channel.EMAIL) {
            skipped.add(new DeliveryPlan.Skip(Channel.EMAIL, emailUnusable(r, allowed, channels)));
        }
        return new DeliveryPlan.Impossible(String.join("; ", skipped.stream().map(DeliveryPlan.Skip::describe).toList())
                + "; nothing left to try", skipped);
    }

    private static String smsUnusable(Reachability r, Set<Method> allowed, Set<Channel> channels) {
        if (!r.hasMobile()) {
            return "no mobile number";
        }
        return !channels.contains(Channel.SMS) ? "not configured on this installation"
                : "not allowed by the customer's policy";
    }

    private static String emailUnusable(Reachability r, Set<Method> allowed, Set<Channel> channels) {
        if (!r.hasEmail()) {
            return "no email address";
        }
        return !channels.contains(Channel.EMAIL) ? "not configured on this installation"
                : "not allowed by the customer's policy";
    }

    private DeliveryPlan pushLadder(Method m, Reachability r, Set<Method> allowed, Set<Channel> channels) {
        if (channels.contains(Channel.PUSH) && r.push() == Reachability.PushReadiness.READY) {
            return new DeliveryPlan.Deliver(m, List.of());
        }
        String why = channels.contains(Channel.PUSH) ? r.push().reason() : "push is not configured on this installation";
        var next = next(m, why, r, allowed, channels);
        if (next instanceof DeliveryPlan.Impossible) {
            return new DeliveryPlan.Impossible("push not possible: " + why + ", and the user has no "
                    + (r.hasMobile() || r.hasEmail() ? "other usable contact" : "mobile number or email registered"));
        }
        return next;
    }

    private static boolean rung(Method m, Reachability r, Set<Method> allowed, Set<Channel> channels) {
        return allowed.contains(m) && channels.contains(m.channel()) && canReach(m.channel(), r);
    }

    private static boolean canReach(Channel c, Reachability r) {
        return switch (c) {
            case PUSH -> r.push() == Reachability.PushReadiness.READY;
            case SMS -> r.hasMobile();
            case EMAIL -> r.hasEmail();
        };
    }

    private static String nothingReason(Reachability r) {
        if (!r.hasMobile() && !r.hasEmail() && r.push() != Reachability.PushReadiness.READY) {
            return "the user has no enrolled app, mobile number or email registered";
        }
        return "none of the user's contacts can be used with this customer's policy and the configured senders";
    }

    private static String available(List<Method> offered) {
        return offered.isEmpty() ? "; no other method can reach this user"
                : "; available: " + String.join(", ", offered.stream().map(Method::label).toList());
    }
}
