package org.solidarityhub.platform;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A printable poster of a public page (the appeal, an event), with every text already in the reader's language and
 * nothing that the page itself does not show in public: {@link Posters} makes it an HTML page and a PDF.
 *
 * @param language     the language of its texts ("uk")
 * @param eyebrow      the small line above the title (the campaign and the kind of action)
 * @param title        the big title
 * @param slogan       the campaign's slogan
 * @param lead         a short text under the slogan, or null
 * @param facts        when, where, who: each a label, a value and an optional note
 * @param callToAction what the QR code leads to ("Scan to sign the appeal")
 * @param url          the absolute public address the QR code holds
 * @param footer       the last line (the site's name)
 * @param fileName     the PDF's file name without paper and extension ("poster-event-12")
 */
public record Poster(String language, String eyebrow, String title, String slogan, @Nullable String lead, List<Fact> facts,
                     String callToAction, String url, String footer, String fileName) {

    /** One line of facts: "When", "25 February 2027, 13:00–16:00", "Europe/Brussels, UTC+01:00". */
    public record Fact(String label, String value, @Nullable String note) {
    }

    public Poster {
        facts = List.copyOf(facts);
    }

    /** The address as people type it: without the scheme ("hub.example.org/uk/events/12"). */
    public String urlText() {
        return url.replaceFirst("^https?://", "");
    }

    /** The site's host, for the footer. */
    public String host() {
        String host = URI.create(url).getHost();
        return host == null ? "" : host;
    }

    /** How big the title is set on the HTML poster: smaller as it gets longer (the PDF measures it). */
    public String titleSize() {
        int length = title.codePointCount(0, title.length());
        return length <= 40 ? "poster-title-large" : length <= 90 ? "poster-title-medium" : "poster-title-small";
    }
}
