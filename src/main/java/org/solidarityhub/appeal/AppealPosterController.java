package org.solidarityhub.appeal;

import java.util.List;
import java.util.Locale;

import org.solidarityhub.platform.Markdown;
import org.solidarityhub.platform.PlatformProperties;
import org.solidarityhub.platform.Poster;
import org.solidarityhub.platform.Posters;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The printable poster of an appeal (docs/posters.md): the page to print and its PDF, with the appeal's title in the
 * reader's language (else its own), the start of its text and a QR code to its page. No count: a poster stays on a
 * wall for weeks.
 */
@Controller
class AppealPosterController {

    /** How much of the appeal's text the poster shows, in characters. */
    static final int LEAD_LENGTH = 320;

    private final Appeals appeals;
    private final Posters posters;
    private final Markdown markdown;
    private final MessageSource messages;
    private final PlatformProperties platform;

    AppealPosterController(Appeals appeals, Posters posters, Markdown markdown, MessageSource messages, PlatformProperties platform) {
        this.appeals = appeals;
        this.posters = posters;
        this.markdown = markdown;
        this.messages = messages;
        this.platform = platform;
    }

    /** The poster of the appeal that {@code /appeal} shows. */
    @GetMapping("/appeal/poster")
    String current() {
        List<Appeal> open = appeals.open();
        List<Appeal> any = open.isEmpty() ? appeals.all() : open;
        return any.stream().findFirst().map(a -> "redirect:/appeals/" + a.slug() + "/poster")
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/appeals/{slug}/poster")
    String page(@PathVariable String slug, @RequestParam(required = false) String paper, Locale locale, Model model) {
        Poster poster = poster(slug, locale);
        return posters.page(poster, posters.paper(paper), "/appeals/" + slug, model);
    }

    @GetMapping("/appeals/{slug}/poster.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String slug, @RequestParam(required = false) String paper, Locale locale) {
        Poster poster = poster(slug, locale);
        return posters.pdf(poster, posters.paper(paper));
    }

    private Poster poster(String slug, Locale locale) {
        Appeal appeal = appeals.bySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Appeal.Revision revision = appeals.currentFor(appeal, locale);
        // the campaign's slogan, unless the appeal's title says the same (as the demo appeal's does)
        String slogan = text("home.slogan", locale);
        if (normalized(slogan).equals(normalized(revision.title()))) {
            slogan = text("poster.appeal.join", locale);
        }
        return new Poster(locale.getLanguage(), text("poster.appeal.eyebrow", locale), revision.title(), slogan,
                lead(revision.body()), List.of(), text(appeal.isOpen() ? "poster.appeal.cta" : "poster.appeal.ctaClosed", locale),
                platform.link(locale, "/appeals/" + appeal.slug()), text("site.name", locale), "poster-appeal-" + appeal.slug());
    }

    /**
     * The first paragraphs of the text that fit in {@link #LEAD_LENGTH} characters, without markup (at least the first
     * one, cut at a word with an ellipsis when it alone is longer).
     */
    private String lead(String body) {
        StringBuilder lead = new StringBuilder();
        for (String paragraph : body.strip().replace("\r\n", "\n").split("\n\s*\n")) {
            String text = markdown.toPlainText(paragraph).replaceAll("\\s+", " ").strip();
            if (text.isEmpty()) {
                continue;
            }
            if (!lead.isEmpty() && lead.length() + 1 + text.length() > LEAD_LENGTH) {
                break;
            }
            lead.append(lead.isEmpty() ? "" : " ").append(text);
            if (lead.length() >= LEAD_LENGTH) {
                break;
            }
        }
        if (lead.length() <= LEAD_LENGTH) {
            return lead.toString();
        }
        int cut = lead.lastIndexOf(" ", LEAD_LENGTH);
        return lead.substring(0, cut > LEAD_LENGTH / 2 ? cut : LEAD_LENGTH).strip() + "…";
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
