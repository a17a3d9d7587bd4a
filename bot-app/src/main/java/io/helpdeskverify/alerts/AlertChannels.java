package io.helpdeskverify.alerts;

/**
 * Posts an alert into a Slack channel or Teams conversation; implemented by the chat flow, one
 * implementation for both platforms.
 */
public interface AlertChannels {

    /** @return false when the post failed and should be tried again later */
    boolean post(ChannelTarget where, AlertMessage message);
}
