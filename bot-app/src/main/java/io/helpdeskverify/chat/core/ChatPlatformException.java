package io.helpdeskverify.chat.core;

/**
 * A platform call failed. {@code advice} is what a technician can do about it, in plain words
 * (e.g. "Invite the app to this channel"); the message is for the log.
 */
public class ChatPlatformException extends RuntimeException {

    private final String advice;

    public ChatPlatformException(String message, String advice, Throwable cause) {
        super(message, cause);
        this.advice = advice == null ? "" : advice;
    }

    public ChatPlatformException(String message, String advice) {
        this(message, advice, null);
    }

    public String advice() {
        return advice;
    }
}
