package io.helpdeskverify.directory;

import java.net.URI;

/**
 * Connecting a customer's Microsoft 365 tenant by admin consent: the link for the customer's admin,
 * and what Microsoft's redirect back said. The admin API and its browser callback call this; the
 * Graph adapter implements it.
 *
 * <p>A port of its own, not two more methods on {@link DirectorySync}: the chat command needs only
 * the sync, and a completed consent starts a sync, so one interface would make its implementation
 * depend on itself.
 */
public interface DirectoryConsent {

    /**
     * The admin-consent link for this customer's Microsoft 365 admin.
     *
     * @param defaultRedirectUri this server's callback as the caller reached it, used unless GRAPH_REDIRECT_URI is set
     * @throws DirectoryException.Invalid when Microsoft 365 import is not configured on this server
     */
    URI consentUrl(String customerSlug, String defaultRedirectUri);

    /** What Microsoft's redirect said, checked against the state we issued; links the tenant when it may be linked. */
    Outcome complete(String state, String tenant, String adminConsent, String error, String errorDescription);

    /** The answer the admin's browser gets. */
    sealed interface Outcome permits Outcome.Connected, Outcome.Refused {

        record Connected(String customerName, String tenantId, boolean importStarted) implements Outcome {}

        record Refused(String message) implements Outcome {}
    }
}
