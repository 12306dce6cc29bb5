package org.solidarityhub.events;

import java.util.Locale;
import java.util.Optional;

import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.ShareCard;
import org.solidarityhub.platform.ShareCardSource;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What an event's share card shows (docs/og-images.md): its kind, title, time (in its own zone, as its page writes
 * it) and place at the precision the public may see (the city and country, or "Online"; never the venue or address).
 * Only published events have one (approved or cancelled, as their page): one waiting for moderation, refused or
 * hidden has none. The first picture or poster of the event the public sees is drawn on the card's far side. At
 * {@code /uk/events/{id}/card.png}.
 */
@Component
class EventShareCards implements ShareCardSource {

    private final EventQueries queries;
    private final Countries countries;
    private final MessageSource messages;
    private final EventImages images;

    EventShareCards(EventQueries queries, Countries countries, MessageSource messages, EventImages images) {
        this.images = images;
        this.queries = queries;
        this.countries = countries;
        this.messages = messages;
    }

    @Override
    public Pages pages() {
        return new Pages("events-card", "/events/{id:\\d{1,18}}", "id");
    }

    /** The card of the published event with this id, or empty. */
    @Override
    public Optional<ShareCard> card(String id, Locale locale) {
        long eventId;
        try {
            eventId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // the organizers' picture or poster on the card's far side, when the event has one the public sees
        return queries.byId(eventId).map(event -> card(event, locale).withPicture(images.firstShownId(eventId).orElse(null)));
    }

    ShareCard card(PublicEvent event, Locale locale) {
        ShareCard card = ShareCard.of(messages.getMessage(event.type().messageKey(), null, locale), event.title())
                .withDetails(EventFormat.when(event.start(), event.end(), locale), place(event, locale));
        return event.cancelled() ? card.withBadge(messages.getMessage("events.card.cancelled", null, locale)) : card;
    }

    /** "Brussels, Belgium", "Online", or both for an event in a place and online. */
    String place(PublicEvent event, Locale locale) {
        String city = event.city() == null ? "" : event.city().strip();
        String country = event.country() == null ? "" : countries.name(event.country(), locale);
        String place = city.isEmpty() ? country : country.isEmpty() ? city : city + ", " + country;
        if (!event.online()) {
            return place;
        }
        String online = messages.getMessage("events.list.online", null, locale);
        return place.isEmpty() ? online : place + " · " + online;
    }
}
