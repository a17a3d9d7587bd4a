package io.helpdeskverify.chat;

import io.helpdeskverify.chat.ChatCommand.Events;
import io.helpdeskverify.chat.ChatCommand.Help;
import io.helpdeskverify.chat.ChatCommand.Target;
import io.helpdeskverify.chat.ChatCommand.Verify;
import io.helpdeskverify.directory.InviteChannel;
import io.helpdeskverify.psa.PsaProvider;
import io.helpdeskverify.verification.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code [verify] <user>@<customer> [--push|--push-code|--sms|--email|--match]} (the flags of {@link MethodOption}),
 * {@code verify me to <user>@<customer>} (the reverse check: the user checks the technician),
 * {@code verify ticket [cw|at] <ticket>} (a PSA ticket's contact), {@code livelink} (a one-time code for the
 * Autotask LiveLink's page), {@code events
 * <user>@<customer>}, {@code enrol <user>@<customer> [--sms|--email]} (the self-serve app's link), {@code sync
 * <customer>} (admins), {@code help}. Anything else is usage help that names the problem, so a typo
 * never starts a verification the technician did not mean.
 */
public final class ChatCommandParser {

    /** Longer input is no command anybody typed; it is refused before any work. */
    static final int MAX_LENGTH = 500;
    static final String TICKET = "ticket";

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
        if (words.size() <= 2 && isWord(words.get(words.size() - 1), "livelink")
                && (words.size() == 1 || isWord(words.get(0), "verify"))) {
            return new ChatCommand.LiveLinkCode();
        }
        // Slack sends "enrol …" after /verify; Teams users type "verify enrol …".
        int first = isWord(words.get(0), "verify") && words.size() > 1 ? 1 : 0;
        if (isWord(words.get(first), "enrol") || isWord(words.get(first), "enroll")) {
            return enrol(words.subList(first + 1, words.size()));
        }
        boolean events = isWord(words.get(0), "events");
        if (events || isWord(words.get(0), "verify")) {
            words.remove(0);
        }
        if (!events && words.size() >= 2 && isWord(words.get(0), "me") && isWord(words.get(1), "to")) {
            return reverse(words.subList(2, words.size()));
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
        if (!events && !target.isEmpty() && isWord(target.get(0), TICKET) && target.stream().noneMatch(w -> w.contains("@"))) {
            return ticket(target.subList(1, target.size()), method);
        }
        if (target.isEmpty()) {
            return help(events ? "Say whose events: events user@customer." : "Say who to verify: user@customer.");
        }
        // Display names have spaces ("Jane Doe@acme"), so the target is everything that is not an option.
        String joined = String.join(" ", target);
        int slash = joined.indexOf('\\');
        if (joined.indexOf('@') < 0 && slash > 0 && slash < joined.length() - 1) {
            // ACME\jdoe: Windows' own form; the domain names the customer (its slug or email domain).
            var t = new Target(joined.substring(slash + 1).strip(), joined.substring(0, slash).strip());
            return events ? new Events(t) : new Verify(t, method);
        }
        int at = joined.lastIndexOf('@');
        if (at <= 0 || at == joined.length() - 1) {
            return help("'" + joined + "' is not user@customer, e.g. jdoe@acme, jdoe@acme.com or ACME\\jdoe.");
        }
        var t = new Target(joined.substring(0, at).strip(), joined.substring(at + 1).strip());
        return events ? new Events(t) : new Verify(t, method);
    }

    /** {@code me to <user>@<customer>}: the reverse check takes no flag, the ladder picks how the user is reached. */
    private static ChatCommand reverse(List<String> words) {
        if (words.stream().anyMatch(w -> w.startsWith("--"))) {
            return help("verify me to user@customer takes no option: the user gets the code in the app, else by SMS, "
                    + "else by email.");
        }
        String joined = String.join(" ", words);
        int at = joined.lastIndexOf('@');
        if (at <= 0 || at == joined.length() - 1) {
            return help("Say whom you are calling: verify me to user@customer, e.g. verify me to jdoe@acme.");
        }
        return new ChatCommand.VerifyMe(new Target(joined.substring(0, at).strip(), joined.substring(at + 1).strip()));
    }

    /** {@code <user>@<customer> [--sms|--email]}: the flags name the channel of the link, not a method. */
    private static ChatCommand enrol(List<String> words) {
        Optional<InviteChannel> via = Optional.empty();
        List<String> target = new ArrayList<>();
        for (String w : words) {
            if (!w.startsWith("--")) {
                target.add(w);
                continue;
            }
            var channel = InviteChannel.parse(w.substring(2));
            if (channel.isEmpty()) {
                return help("enrol takes --sms or --email, not " + w + ".");
            }
            if (via.isPresent() && via.get() != channel.get()) {
                return help("Send the link one way: --sms or --email.");
            }
            via = channel;
        }
        String joined = String.join(" ", target);
        int at = joined.lastIndexOf('@');
        if (at <= 0 || at == joined.length() - 1) {
            return help("Say whom to send the app's enrolment link: enrol user@customer, e.g. enrol jdoe@acme.");
        }
        return new ChatCommand.Enrol(new Target(joined.substring(0, at).strip(), joined.substring(at + 1).strip()), via);
    }

    /** {@code [cw|at] <ticket> [=username]}: a user's name has an {@code @}, so "ticket" alone starts this form. */
    private static ChatCommand ticket(List<String> words, Optional<Method> method) {
        var rest = new ArrayList<>(words);
        Optional<PsaProvider> provider = rest.isEmpty() ? Optional.empty() : PsaProvider.of(rest.get(0));
        if (provider.isPresent()) {
            rest.remove(0);
        }
        Optional<String> chosen = Optional.empty();
        if (!rest.isEmpty() && rest.get(rest.size() - 1).startsWith(EndUserResolver.EXACT)) {
            chosen = Optional.of(rest.remove(rest.size() - 1).substring(EndUserResolver.EXACT.length()).toLowerCase(Locale.ROOT));
        }
        if (rest.size() != 1) {
            return help("Say which ticket: verify ticket 12345 (ConnectWise) or verify ticket T20240115.0023 (Autotask); "
                    + "with both connected, name the PSA: verify ticket cw 12345.");
        }
        return new ChatCommand.VerifyTicket(provider, rest.get(0), chosen, method);
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
