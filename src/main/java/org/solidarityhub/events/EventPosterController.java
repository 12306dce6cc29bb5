package org.solidarityhub.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import org.solidarityhub.platform.PlatformProperties;
import org.solidarityhub.platform.Poster;
import org.solidarityhub.platform.PosterPaper;
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
 * The printable poster of a published event (docs/posters.md): the page to print and its PDF, with what the event's
 * page shows in public and nothing more: the place at the precision its organizers chose (a hidden address is never
 * on it), no contact. A cancelled, unknown or unapproved event has no poster (404).
 */
@Controller
class EventPosterController {

    private final EventQueries queries;
    private final Campaigns campaigns;
    private final EventViews views;
    private final Posters posters;
    private final MessageSource messages;
    private final PlatformProperties platform;

    EventPosterController(EventQueries queries, Campaigns campaigns, EventViews views, Posters posters, MessageSource messages,
                          PlatformProperties platform) {
        this.queries = queries;
        this.campaigns = campaigns;
        this.views = views;
        this.posters = posters;
        this.messages = messages;
        this.platform = platform;
    }

    @GetMapping("/events/{id:\\d{1,18}}/poster")
    String page(@PathVariable long id, @RequestParam(required = false) String paper, Locale locale, Model model) {
        Poster poster = poster(id, locale);
        return posters.page(poster, posters.paper(paper), "/events/" + id, model);
    }

    @GetMapping("/events/{id:\\d{1,18}}/poster.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(required = false) String paper, Locale locale) {
        Poster poster = poster(id, locale);
        return posters.pdf(poster, posters.paper(paper));
    }

    private Poster poster(long id, Locale locale) {
        PublicEvent event = queries.byId(id).filter(e -> !e.cancelled())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Campaign campaign = campaigns.byId(event.campaignId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        EventViews.Card card = views.card(event, locale);
        List<Poster.Fact> facts = new ArrayList<>();
        facts.add(new Poster.Fact(text("events.show.when", locale), card.when(), card.zone()));
        facts.add(where(event, card, locale));
        if (event.organizers() != null && !event.organizers().isBlank()) {
            facts.add(new Poster.Fact(text("poster.event.organizers", locale), event.organizers(), null));
        }
        return new Poster(locale.getLanguage(), campaign.name(locale) + " · " + card.typeName(), event.title(),
                text("home.slogan", locale), null, facts, text("poster.event.cta", locale),
                platform.link(locale, "/events/" + id), text("site.name", locale), "poster-event-" + id);
    }

    /** The place as the event's page shows it: venue and address only when public, else the city and how to learn more. */
    private Poster.Fact where(PublicEvent event, EventViews.Card card, Locale locale) {
        String label = text("events.show.where", locale);
        if (event.online()) {
            return new Poster.Fact(label, text("events.show.online", locale), null);
        }
        StringJoiner place = new StringJoiner(", ");
        String previous = "";
        for (String part : new String[] {event.venue(), event.address(), event.city(), card.countryName()}) {
            // a venue named like its address ("George Square, George Square") is written once
            if (part != null && !part.isBlank() && !part.strip().equalsIgnoreCase(previous)) {
                place.add(part.strip());
                previous = part.strip();
            }
        }
        String note = switch (event.visibility()) {
            case PUBLIC -> null;
            case CITY -> text("events.show.cityOnly", locale);
            case ON_REQUEST -> text("poster.event.onRequest", locale);
        };
        return new Poster.Fact(label, place.toString(), note);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
