package io.helpdeskverify.chat;

import io.helpdeskverify.verification.Method;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The command options that preselect a method, and their labels in Teams' dialog: the one table
 * the parser, the help text and the message extension read. The Slack usage hint and the Teams
 * command description in {@code manifests/} spell the same list; a test keeps them in step.
 */
public enum MethodOption {
    PUSH(Method.PUSH, "push", "Push: Approve / Deny in the app"),
    PUSH_CODE(Method.PUSH_WITH_CODE, "push-code", "Push + code read back to you"),
    SMS(Method.SMS_CODE, "sms", "SMS code"),
    EMAIL(Method.EMAIL_CODE, "email", "Email code"),
    MATCH(Method.VERIFIED_PUSH, "match", "Verified push: you read a code, the user types it");

    private final Method method;
    private final String option;
    private final String choiceTitle;

    MethodOption(Method method, String option, String choiceTitle) {
        this.method = method;
        this.option = option;
        this.choiceTitle = choiceTitle;
    }

    public Method method() {
        return method;
    }

    /** The option without its dashes, e.g. {@code push-code}: the value of the dialog's choice. */
    public String option() {
        return option;
    }

    /** As typed in a command, e.g. {@code --push-code}. */
    public String flag() {
        return "--" + option;
    }

    /** The method's line in Teams' "Verify a caller" dialog. */
    public String choiceTitle() {
        return choiceTitle;
    }

    public static MethodOption of(Method method) {
        return Stream.of(values()).filter(o -> o.method == method).findFirst().orElseThrow();
    }

    /** The option a typed flag names, case-insensitively; empty for an unknown one. */
    public static Optional<MethodOption> ofFlag(String flag) {
        String f = flag.toLowerCase(Locale.ROOT);
        return Stream.of(values()).filter(o -> o.flag().equals(f)).findFirst();
    }

    /** The dialog's choice value; empty for an unknown one. */
    public static Optional<MethodOption> ofOption(String option) {
        return Stream.of(values()).filter(o -> o.option.equals(option)).findFirst();
    }

    /** Every flag, joined: {@code "|"} for the compact usage line, {@code " | "} for the help text. */
    public static String flags(String separator) {
        return Stream.of(values()).map(MethodOption::flag).collect(Collectors.joining(separator));
    }

    public static List<MethodOption> all() {
        return List.of(values());
    }
}
