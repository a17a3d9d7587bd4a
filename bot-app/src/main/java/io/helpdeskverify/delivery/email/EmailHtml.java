package io.helpdeskverify.delivery.email;

import io.helpdeskverify.delivery.ChallengeTexts.EmailParagraphs;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML part: the same paragraphs as the text part, every one escaped (names come from the
 * directory and the chat platform), with the code set large so it is easy to read aloud.
 */
final class EmailHtml {

    private EmailHtml() {}

    static String render(EmailParagraphs p) {
        var html = new StringBuilder(1024);
        html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>")
                .append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;color:#222;\">");
        paragraph(html, p.greeting());
        paragraph(html, p.intro());
        html.append("<p style=\"font-size:28px;font-weight:bold;letter-spacing:4px;font-family:Consolas,monospace;\">")
                .append(HtmlUtils.htmlEscape(p.code())).append("</p>");
        paragraph(html, p.instruction());
        paragraph(html, p.otherwise());
        return html.append("</body></html>").toString();
    }

    private static void paragraph(StringBuilder html, String text) {
        html.append("<p>").append(HtmlUtils.htmlEscape(text)).append("</p>");
    }
}
