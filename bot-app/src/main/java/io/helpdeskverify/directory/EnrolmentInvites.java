package io.helpdeskverify.directory;

import java.util.Optional;

/**
 * Enrolment links for the self-serve app: issued for an end user, as a link to show (a QR code in a
 * remote session) or sent to the user's own directory contact. Sending only ever goes to the mobile
 * or email the directory holds, so someone on the phone posing as the user cannot have it sent to them.
 */
public class EnrolmentInvites {

    private final DeviceService devices;
    private final DirectoryService directory;
    private final EnrolmentInviteSender sender;
    private final Optional<String> appUrl;

    /** @param appUrl the app's public address, {@code https://bot.example/app/} ({@code HELPDESK_PUBLIC_URL}) */
    public EnrolmentInvites(DeviceService devices, DirectoryService directory, EnrolmentInviteSender sender,
                            Optional<String> appUrl) {
        this.devices = devices;
        this.directory = directory;
        this.sender = sender;
        this.appUrl = appUrl;
    }

    /** A fresh one-time link, or empty when the public URL is not configured (then only the token can be handed over). */
    public Optional<EnrolmentInvite> link(String customerSlug, String username) {
        var user = directory.endUser(customerSlug, username);
        var token = devices.issueEnrolment(customerSlug, username);
        return appUrl.map(url -> new EnrolmentInvite(user, linkTo(url, token.token()), token.expiresAt()));
    }

    /** The link for a token issued already; empty without the public URL. */
    public Optional<String> linkFor(DeviceService.EnrolmentToken token) {
        return appUrl.map(url -> linkTo(url, token.token()));
    }

    /** The link to the user, by their directory mobile (SMS) or email. */
    public InviteOutcome send(String customerSlug, String username, InviteChannel via) {
        var user = directory.endUser(customerSlug, username);
        if (via == InviteChannel.SMS && user.mobile().isEmpty()) {
            throw new DirectoryException.Invalid("send", "'" + username + "' has no mobile number in the directory; "
                    + "send the link by email, or show it as a QR code.");
        }
        if (via == InviteChannel.EMAIL && user.email().isEmpty()) {
            throw new DirectoryException.Invalid("send", "'" + username + "' has no email address in the directory; "
                    + "send the link by SMS, or show it as a QR code.");
        }
        String url = appUrl.orElseThrow(() -> new DirectoryException.Invalid("send", "Set HELPDESK_PUBLIC_URL (the "
                + "bot's https address) so that an enrolment link can be built."));
        var token = devices.issueEnrolment(customerSlug, username);
        return sender.send(new EnrolmentInvite(user, linkTo(url, token.token()), token.expiresAt()), via);
    }

    private static String linkTo(String appUrl, String token) {
        return appUrl + "#enrol=" + token;
    }
}
