package io.helpdeskverify.chat.core;

import io.helpdeskverify.shared.store.StoreFailures;

/**
 * What a technician is told when a chat request finds Redis away: one wording for Slack and Teams,
 * for commands and clicks, instead of silence or "something went wrong". Nothing was started or
 * changed (every write is one script), so trying again is all there is to do.
 */
public final class StoreAway {

    public static final String TITLE = "Helpdesk Verify can't reach its store right now.";
    public static final String ADVICE = "Nothing was started or changed. Try again in a minute.";

    private StoreAway() {}

    public static boolean isCause(Throwable e) {
        return StoreFailures.isOutage(e);
    }

    public static PrivateMessage.Notice notice() {
        return PrivateMessage.Notice.error(TITLE, ADVICE);
    }

    /** For the places that answer with one line (a Teams invoke response). */
    public static String text() {
        return TITLE + " " + ADVICE;
    }
}
