package io.helpdeskverify.cards;

import io.helpdeskverify.cards.VerificationCardView.DeliveryLine;
import io.helpdeskverify.cards.VerificationCardView.OutcomeLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Fixture builder for card views: realistic defaults, one method per thing a test varies. */
final class CardViews {

    static final Instant T0 = Instant.parse("2026-11-24T10:01:11Z");
    static final Instant DEADLINE = T0.plusSeconds(60);
    /* Injection attempts a directory or a caller could smuggle into a card. */
    static final String HOSTILE = "<!channel> <@U123|x> <https://evil|click> & [click](https://evil) **x** {{DATE(2026-11-24T10:02:11Z, SHORT)}}";

    /** The methods of the brief, each with the ladder and answers its cards would show. */
    enum Method {
        PUSH("Push", false),
        PUSH_CODE("Push + code", true),
        SMS("SMS code", true),
        EMAIL("Email code", true),
        VERIFIED_PUSH("Verified push", false),
        PUSH_FALLBACK_SMS("SMS code (fallback from push)", true);

        final String label;
        /* Whether the technician approves after a read-back while the user is being waited for. */
        final boolean readBack;

        Method(String label, boolean readBack) {
            this.label = label;
            this.readBack = readBack;
        }

        List<DeliveryLine> ladder() {
            return switch (this) {
                case PUSH, PUSH_CODE, VERIFIED_PUSH -> List.of(
                        new DeliveryLine("Push sent", T0.plusSeconds(1)),
                        new DeliveryLine("Delivered to the app", T0.plusSeconds(2)));
                case SMS -> List.of(
                        new DeliveryLine("SMS sent", T0.plusSeconds(1)),
                        new DeliveryLine("delivered", T0.plusSeconds(4)));
                case EMAIL -> List.of(new DeliveryLine("Email sent", T0.plusSeconds(1)));
                case PUSH_FALLBACK_SMS -> List.of(
                        new DeliveryLine("Push not possible: notifications disabled", T0.plusSeconds(1)),
                        new DeliveryLine("SMS sent", T0.plusSeconds(2)),
                        new DeliveryLine("delivered", T0.plusSeconds(5)));
            };
        }

        CodeInstruction instruction() {
            return this == VERIFIED_PUSH ? CodeInstruction.TELL_USER : CodeInstruction.READ_BACK;
        }
    }

    private String verificationId = "ver-7f3a";
    private String customerName = "Acme Corp";
    private String customerSlug = "acme";
    private String displayName = "Jane Doe";
    private String username = "jdoe";
    private List<String> contacts = List.of("+1 ••• ••• ••12", "j•••@acme.com");
    private String methodLabel = Method.PUSH_CODE.label;
    private String technicianName = "Tom Tech";
    private String technicianId = "29:1tech-aad-id";
    private Instant deadline = DEADLINE;
    private CardPhase phase = CardPhase.WAITING_FOR_USER;
    private List<DeliveryLine> delivery = Method.PUSH_CODE.ladder();
    private String userResponse = "Waiting";
    private boolean userReported;
    private Optional<OutcomeLine> outcome = Optional.empty();
    private List<String> warnings = List.of();
    private Set<CardAction> actions = EnumSet.of(CardAction.CANCEL);
    private String firstApproval = "";

    static CardViews card() {
        return new CardViews();
    }

    /** A consistent card for one phase of one method, as the bot would map it. */
    static CardViews card(CardPhase phase, Method method) {
        CardViews b = card().method(method.label).delivery(method.ladder()).phase(phase);
        switch (phase) {
            case SENDING -> b.delivery(List.of()).userResponse("").actions(CardAction.CANCEL);
            case WAITING_FOR_USER -> b.userResponse("Waiting").actions(method.readBack
                    ? new CardAction[] {CardAction.APPROVE, CardAction.DENY, CardAction.CANCEL}
                    : new CardAction[] {CardAction.CANCEL});
            case WAITING_FOR_TECHNICIAN -> b.userResponse("Approved ✓")
                    .actions(CardAction.APPROVE, CardAction.DENY, CardAction.CANCEL);
            case WAITING_FOR_SECOND_TECHNICIAN -> b.userResponse("Approved ✓").firstApproval("Tom Tech")
                    .actions(CardAction.APPROVE, CardAction.DENY, CardAction.CANCEL);
            case VERIFIED -> b.userResponse("Approved ✓").actions()
                    .outcome("Verified", T0.plusSeconds(20), "Tom Tech");
            case UNABLE_TO_VERIFY -> b.userResponse("Denied").actions()
                    .outcome("Unable to verify", T0.plusSeconds(15), "Jane Doe (denied in the app)");
            case EXPIRED -> b.userResponse("No answer").actions().outcome("Expired", DEADLINE, "");
            case FAILED -> b.delivery(List.of(
                            new DeliveryLine("Push not possible: no enrolled device", T0.plusSeconds(1)),
                            new DeliveryLine("SMS failed: carrier rejected the number", T0.plusSeconds(3))))
                    .userResponse("").actions().outcome("Failed (delivery)", T0.plusSeconds(3), "Twilio");
            case CANCELLED -> b.actions().outcome("Cancelled", T0.plusSeconds(9), "Tom Tech");
        }
        return b;
    }

    /**
     * The longest inputs a card can get: 256-character names made of characters that grow when
     * escaped, 200 delivery lines, 30 warnings, every button.
     */
    static CardViews longest() {
        String name = "<>&".repeat(86).substring(0, 256);
        List<DeliveryLine> ladder = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ladder.add(new DeliveryLine("step " + i + " " + "&<>".repeat(100), T0.plusSeconds(i)));
        }
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            warnings.add("warning " + i + " " + "<&>".repeat(100));
        }
        return card().phase(CardPhase.WAITING_FOR_TECHNICIAN)
                .displayName(name).username(name).customer(name, name)
                .contacts(List.of(name, name, name)).method(name).technician(name)
                .userResponse(name).delivery(ladder).warnings(warnings)
                .actions(CardAction.APPROVE, CardAction.DENY, CardAction.CANCEL)
                .outcome(name, T0.plusSeconds(30), name);
    }

    /** Every string a directory or a user can influence set to an injection attempt. */
    static CardViews hostile() {
        return card().phase(CardPhase.WAITING_FOR_TECHNICIAN)
                .displayName(HOSTILE).username(HOSTILE).customer(HOSTILE, HOSTILE)
                .contacts(List.of(HOSTILE)).method(HOSTILE).technician(HOSTILE)
                .userResponse(HOSTILE)
                .delivery(List.of(new DeliveryLine(HOSTILE, T0)))
                .warnings(List.of(HOSTILE))
                .actions(CardAction.APPROVE, CardAction.DENY, CardAction.CANCEL)
                .outcome(HOSTILE, T0.plusSeconds(5), HOSTILE);
    }

    CardViews id(String id) {
        this.verificationId = id;
        return this;
    }

    CardViews customer(String name, String slug) {
        this.customerName = name;
        this.customerSlug = slug;
        return this;
    }

    CardViews displayName(String name) {
        this.displayName = name;
        return this;
    }

    CardViews username(String username) {
        this.username = username;
        return this;
    }

    CardViews contacts(List<String> contacts) {
        this.contacts = contacts;
        return this;
    }

    CardViews method(String label) {
        this.methodLabel = label;
        return this;
    }

    CardViews technician(String name) {
        this.technicianName = name;
        return this;
    }

    CardViews technicianId(String id) {
        this.technicianId = id;
        return this;
    }

    CardViews deadline(Instant deadline) {
        this.deadline = deadline;
        return this;
    }

    CardViews phase(CardPhase phase) {
        this.phase = phase;
        return this;
    }

    CardViews delivery(List<DeliveryLine> delivery) {
        this.delivery = delivery;
        return this;
    }

    CardViews userResponse(String response) {
        this.userResponse = response;
        return this;
    }

    CardViews userReported() {
        this.userReported = true;
        return this;
    }

    CardViews outcome(String label, Instant at, String decidedBy) {
        this.outcome = Optional.of(new OutcomeLine(label, at, decidedBy));
        return this;
    }

    CardViews warnings(List<String> warnings) {
        this.warnings = warnings;
        return this;
    }

    CardViews firstApproval(String name) {
        this.firstApproval = name;
        return this;
    }

    CardViews actions(CardAction... actions) {
        this.actions = actions.length == 0 ? Set.of() : EnumSet.of(actions[0], actions);
        return this;
    }

    VerificationCardView build() {
        return new VerificationCardView(verificationId, customerName, customerSlug, displayName, username,
                contacts, methodLabel, technicianName, technicianId, deadline, phase, delivery, userResponse,
                userReported, outcome, warnings, actions, firstApproval);
    }
}
