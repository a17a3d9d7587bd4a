package io.helpdeskverify.chat.cards;

import io.helpdeskverify.chat.store.TechnicianCodeVault;
import io.helpdeskverify.access.TechnicianContext;
import io.helpdeskverify.cards.CodeInstruction;
import io.helpdeskverify.chat.core.AccessGuard;
import io.helpdeskverify.chat.core.ChatPlatform;
import io.helpdeskverify.chat.core.ChatPlatform.CodeDelivery;
import io.helpdeskverify.chat.core.PrivateMessage;
import io.helpdeskverify.chat.core.Recipient;
import io.helpdeskverify.verification.Technician;
import io.helpdeskverify.verification.Verification;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who sees a verification's code, and when, decided in one place for every platform: only the
 * technician who started it, while it is open and while they may still verify its customer. A
 * platform that can message one person privately gets the code as a {@link PrivateMessage.Code}
 * when it is issued; one that {@linkplain CodeDelivery#PERSONAL_VIEW defers} to a personal view of
 * the card (Teams' {@code refresh.userIds}) asks {@link #personalView} each time it renders that view.
 */
@Component
public class TechnicianCodes {

    private static final Logger log = LoggerFactory.getLogger(TechnicianCodes.class);

    private final TechnicianCodeVault vault;
    private final CardViewMapper mapper;
    private final AccessGuard guard;

    public TechnicianCodes(TechnicianCodeVault vault, CardViewMapper mapper, AccessGuard guard) {
        this.vault = vault;
        this.mapper = mapper;
        this.guard = guard;
    }

    /** What the requesting technician's own view of the card adds: the code while one is held. */
    public record PersonalView(Optional<String> code, CodeInstruction instruction) {
        @Override
        public String toString() {
            return "PersonalView[" + (code.isPresent() ? "code redacted" : "no code") + "]";
        }
    }

    /** A freshly issued code reaches the technician now, if their platform shows codes in a message. */
    void tell(ChatPlatform platform, Recipient technician, Verification v, String code) {
        if (platform.codeDelivery() == CodeDelivery.PERSONAL_VIEW) {
            // The card's next personal view shows it (the card update this change causes asks for one).
            return;
        }
        try {
            platform.tellPrivately(technician, new PrivateMessage.Code(mapper.view(v), code,
                    CardViewMapper.instruction(v)));
        } catch (RuntimeException e) {
            log.warn("The code of verification {} could not be shown to its technician: {}", v.id(), e.getMessage());
        }
    }

    /** The code held for a verification that started on a message-delivering platform, shown again. */
    void tellAgain(ChatPlatform platform, Recipient technician, Verification v) {
        if (platform.codeDelivery() == CodeDelivery.PRIVATE_MESSAGE) {
            vault.open(v.id()).ifPresent(c -> tell(platform, technician, v, c));
        }
    }

    /**
     * The personal view of {@code who}, or empty when they are not the requesting technician (or no
     * longer may verify the customer: withdrawn access hides the code too) and see what everyone sees.
     */
    public Optional<PersonalView> personalView(Verification v, Technician who, TechnicianContext where) {
        if (!v.technician().isSamePersonAs(who) || !guard.mayVerify(where, v.customer())) {
            return Optional.empty();
        }
        Optional<String> code = v.isFinal() ? Optional.empty() : vault.open(v.id());
        return Optional.of(new PersonalView(code, CardViewMapper.instruction(v)));
    }
}
