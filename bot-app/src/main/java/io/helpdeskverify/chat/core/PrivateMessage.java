package io.helpdeskverify.chat.core;

import io.helpdeskverify.cards.CodeInstruction;
import io.helpdeskverify.cards.EventListView;
import io.helpdeskverify.cards.NoticeView;
import io.helpdeskverify.cards.PickerView;
import io.helpdeskverify.cards.VerificationCardView;
import java.util.List;

/** What the chat flow tells one person privately; each platform renders it with its card renderer. */
public sealed interface PrivateMessage permits PrivateMessage.Notice, PrivateMessage.Picker, PrivateMessage.Events,
        PrivateMessage.Code {

    record Notice(NoticeView view) implements PrivateMessage {

        public static Notice info(String title, String... lines) {
            return new Notice(new NoticeView(title, List.of(lines), NoticeView.Tone.INFO));
        }

        public static Notice warning(String title, String... lines) {
            return new Notice(new NoticeView(title, List.of(lines), NoticeView.Tone.WARNING));
        }

        public static Notice error(String title, String... lines) {
            return new Notice(new NoticeView(title, List.of(lines), NoticeView.Tone.ERROR));
        }
    }

    record Picker(PickerView view) implements PrivateMessage {}

    record Events(EventListView view) implements PrivateMessage {}

    /** The code for the requesting technician only. */
    record Code(VerificationCardView card, String code, CodeInstruction instruction) implements PrivateMessage {
        @Override
        public String toString() {
            return "Code[" + card.verificationId() + ", redacted]";
        }
    }
}
