package io.helpdeskverify.chat;

import io.helpdeskverify.chat.ChatCommand.Events;
import io.helpdeskverify.chat.ChatCommand.Help;
import io.helpdeskverify.chat.ChatCommand.Target;
import io.helpdeskverify.chat.ChatCommand.Verify;
import io.helpdeskverify.verification.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code [verify] <user>@<customer> [--push|--push-code|--sms|--email|--match]} (the flags of {@link MethodOption}), {@code events
 * <user>@<customer>}, {@code sync <customer>} (admins), {@code help}. Anything else is usage help that names the problem, so a typo
 * never starts a verification the technician did not mean.
 */
public final class ChatCommandParser {

    /** Longer input is no command anybody typed; it is refused before any work. */
    static final int MAX_LENGTH = 500;

    public ChatCommand parse(String text) {
        String input = text == null ? "" : text.strip();
        if (input.length() > MAX_LENGTH) {
            return help("That command is too long.");
        }
        List<String> words = new ArrayList<>(List.of(input.isEmpty() ? new String[0] : input.split("\\s+")));
        if (words.isEmpty() || isWord(words.get(0), "help")) {
            return new Help(Optional.empty());
        }
        if (isWord(words.get(0), "sync")) {
            return words.size() == 2 && !words.get(1).startsWith("--") ? new ChatCommand.Sync(words.get(1))
                    : help("Say which customer to sync: sync <customer>, e.g. sync acme.");
        }
        boolean events = isWord(words.get(0), "events");
        if (events || isWord(words.get(0), "verify")) {
            words.remove(0);
        }
        Optional<Method> method = Optional.empty();
        List<String> target = new ArrayList<>();
        for (String w : words) {
            if (!w.startsWith("--")) {
                target.add(w);
                continue;
            }
            Optional<MethodOption> option = MethodOption.ofFlag(w);
            if (option.isEmpty()) {
                return help("Unknown option " + w + ".");
            }
            Method m = option.get().method();
            if (events) {
                return help("`events` takes no method option.");
            }
            if (method.isPresent() && method.get() != m) {
                return help("Choose one method, not " + flag(method.get()) + " and " + w + ".");
            }
            method = Optional.of(m);
        }
        if (target.isEmpty()) {
            return help(events ? "Say whose events: events user@customer." : "Say who to verify: user@customer.");
        }
        // Display names have spaces ("Jane Doe@acme"), so the target is everything that is not an option.
        String joined = String.join(" ", target);
        int at = joined.lastIndexOf('@');
        if (at <= 0 || at == joined.length() - 1) {
            return help("'" + joined + "' is not user@customer, e.g. jdoe@acme or jdoe@acme.com.");
        }
        var t = new Target(joined.substring(0, at).strip(), joined.substring(at + 1).strip());
        return events ? new Events(t) : new Verify(t, method);
    }

    /** The option that selects this method, for usage text and pickers. */
    public static String flag(Method method) {
        return MethodOption.of(method).flag();
    }

    private static boolean isWord(String word, String keyword) {
        return word.equalsIgnoreCase(keyword);
    }

    private static Help help(String problem) {
        return new Help(Optional.of(problem));
    }
}
