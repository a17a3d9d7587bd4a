package io.helpdeskverify.delivery.email;

import io.helpdeskverify.delivery.ChallengeTexts.EmailParagraphs;

/** Lets tests in the parent package render the package-private HTML part. */
public final class EmailHtmlAccess {

    private EmailHtmlAccess() {}

    public static String render(EmailParagraphs p) {
        return EmailHtml.render(p);
    }
}
