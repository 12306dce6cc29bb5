package org.solidarityhub.events;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.DateTimes;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * What the public pages show of a campaign's events (the grouped list, the calendar of the week, the embeddable
 * list, the counts), read and shaped once for every controller that shows them. The pages that show them are kept
 * by the platform's page cache while the campaign's events stay unchanged ({@link EventsPages}).
 */
@Component
class EventViews {

    /** An event as a list shows it. */
    record Card(PublicEvent event, String when, String zone, String countryName, String typeName,
                EventImages.@org.jspecify.annotations.Nullable Shown image, String distance) {

        Card(PublicEvent event, String when, String zone, String countryName, String typeName,
             EventImages.@org.jspecify.annotations.Nullable Shown image) {
            this(event, when, zone, countryName, typeName, image, null);
        }

        /** The card with its distance from the place of a search ("12 km"), in the reader's language. */
        Card at(String howFar) {
            return new Card(event, when, zone, countryName, typeName, image, howFar);
        }
    }

    record CityGroup(String city, List<Card> events) {
    }

    record CountryGroup(String code, String name, List<CityGroup> cities) {

        /** How many events the group shows (a group of many takes the list's whole width). */
        public int size() {
            return cities.stream().mapToInt(c -> c.events().size()).sum();
        }
    }

    record Day(LocalDate date, String label, List<Card> events) {
    }

    /**
     * What the list shows of one page of a filter in one language; the groups and cards as the HTML of
     * events/list-groups.html, which holds nothing of a request.
     */
    record ListView(String groupsHtml, long total, List<Countries.Country> countryChoices, List<String> cityChoices,
                    EventQueries.Counts counts) {
    }

    /** The most events the calendar of a campaign's week shows. */
    static final int CALENDAR_LIMIT = 10_000;

    private final EventQueries queries;
    private final Countries countries;
    private final MessageSource messages;
    private final ITemplateEngine templates;
    private final EventImages images;

    EventViews(EventQueries queries, Countries countries, MessageSource messages, ITemplateEngine templates,
               EventImages images) {
        this.images = images;
        this.queries = queries;
        this.countries = countries;
        this.messages = messages;
        this.templates = templates;
    }

    /** Page {@code page} (from 1) of the list, grouped by place. */
    ListView list(Campaign c, EventQueries.Filter filter, int page, int size, Locale locale) {
        return render(c, filter, size, (page - 1) * size, locale);
    }

    private ListView render(Campaign c, EventQueries.Filter filter, int limit, int offset, Locale locale) {
        EventQueries.Page result = queries.find(c.id(), filter, EventQueries.Order.BY_PLACE, limit, offset, false);
        // the campaign's countries, in the order of the site's country list (sorted by name in this language)
        Set<String> campaignCountries = Set.copyOf(queries.countries(c.id()));
        List<Countries.Country> countryChoices = countries.all(locale).stream()
                .filter(country -> campaignCountries.contains(country.code())).toList();
        // the city suggestions of one country (all cities of a big campaign would make the page heavy)
        List<String> cityChoices = filter.country() == null ? List.of() : queries.cities(c.id(), filter.country());
        // rendered here, without the request: the cards hold nothing of a reader
        List<CountryGroup> groups = filter.near() == null ? group(result.events(), locale) : nearest(result, filter.near(), locale);
        String groupsHtml = templates.process("events/list-groups", new Context(locale, Map.of("groups", groups)));
        return new ListView(groupsHtml, result.total(), countryChoices, cityChoices, queries.counts(c.id()));
    }

    /** The campaign's counts ("8 actions in 7 countries"). */
    EventQueries.Counts counts(Campaign c) {
        return queries.counts(c.id());
    }

    /** The first {@code limit} events of the filter, by time. */
    List<Card> byTime(Campaign c, EventQueries.Filter filter, int limit, Locale locale) {
        List<PublicEvent> events = queries.find(c.id(), filter, EventQueries.Order.BY_TIME, limit, 0, false).events();
        Map<Long, EventImages.Shown> pictures = pictures(events);
        return events.stream().map(e -> card(e, locale, pictures)).toList();
    }

    /** Each day of the campaign with the events running on it. */
    List<Day> days(Campaign c, Locale locale) {
        List<PublicEvent> events = queries.find(c.id(), EventQueries.Filter.NONE, EventQueries.Order.BY_TIME, CALENDAR_LIMIT, 0, false).events();
        DateTimes label = DateTimes.of(locale);
        Map<Long, EventImages.Shown> pictures = pictures(events);
        List<Day> days = new ArrayList<>();
        for (LocalDate day = c.startsOn(); !day.isAfter(c.endsOn()); day = day.plusDays(1)) {
            LocalDate d = day;
            days.add(new Day(day, label.day(day), events.stream()
                    .filter(e -> !e.startsLocal().toLocalDate().isAfter(d) && !e.endsLocal().toLocalDate().isBefore(d))
                    .map(e -> card(e, locale, pictures)).toList()));
        }
        return days;
    }

    Card card(PublicEvent e, Locale locale) {
        return card(e, locale, pictures(List.of(e)));
    }

    private Card card(PublicEvent e, Locale locale, Map<Long, EventImages.Shown> pictures) {
        return new Card(e, EventFormat.when(e.start(), e.end(), locale), EventFormat.zone(e.start(), e.end(), locale),
                e.country() == null ? "" : countries.name(e.country(), locale),
                messages.getMessage(e.type().messageKey(), null, locale), pictures.get(e.id()));
    }

    /** The picture of each event that has one served (the first added). */
    private Map<Long, EventImages.Shown> pictures(List<PublicEvent> events) {
        return images.firstShown(events.stream().map(PublicEvent::id).toList());
    }

    /**
     * A search near a place: one group headed "Within 50 km of Kraków, PL", its events nearest first, each with its
     * distance (whole km; to 0.1 km under 10 km).
     */
    private List<CountryGroup> nearest(EventQueries.Page page, EventQueries.Near near, Locale locale) {
        java.text.NumberFormat number = java.text.NumberFormat.getNumberInstance(locale);
        List<Card> cards = page.events().stream().map(e -> {
            double km = page.distances().get(e.id());
            number.setMaximumFractionDigits(km < 10 ? 1 : 0);
            return card(e, locale).at(messages.getMessage("events.near.distance", new Object[] {number.format(km)}, locale));
        }).toList();
        String heading = messages.getMessage("events.near.heading", new Object[] {near.radiusKm(), near.place()}, locale);
        return cards.isEmpty() ? List.of() : List.of(new CountryGroup("near", heading, List.of(new CityGroup("", cards))));
    }

    /** Events grouped by country (by localized name), then city; online events without a country last. */
    private List<CountryGroup> group(List<PublicEvent> events, Locale locale) {
        Map<String, Map<String, List<Card>>> byCountry = new LinkedHashMap<>();
        Map<Long, EventImages.Shown> pictures = pictures(events);
        for (PublicEvent e : events) {
            String country = e.online() && e.country() == null ? "" : nonNull(e.country());
            // the online events without a country are one group of their own, without a city heading under it
            String city = e.online() ? (country.isEmpty() ? "" : messages.getMessage("events.list.online", null, locale)) : nonNull(e.city());
            byCountry.computeIfAbsent(country, k -> new LinkedHashMap<>()).computeIfAbsent(city, k -> new ArrayList<>())
                    .add(card(e, locale, pictures));
        }
        Collator collator = Collator.getInstance(locale);
        List<CountryGroup> groups = new ArrayList<>();
        byCountry.forEach((code, cities) -> {
            List<CityGroup> cityGroups = new ArrayList<>();
            cities.forEach((city, cards) -> cityGroups.add(new CityGroup(city, cards)));
            cityGroups.sort((a, b) -> collator.compare(a.city(), b.city()));
            groups.add(new CountryGroup(code, code.isEmpty() ? messages.getMessage("events.list.online", null, locale)
                    : countries.name(code, locale), cityGroups));
        });
        groups.sort((a, b) -> a.code().isEmpty() ? 1 : b.code().isEmpty() ? -1 : collator.compare(a.name(), b.name()));
        return groups;
    }

    /** The filter as a query string ("?country=BE&type=VIGIL"), empty when it filters nothing. */
    static String query(EventQueries.Filter f) {
        StringBuilder s = new StringBuilder();
        append(s, "country", f.country());
        append(s, "city", f.city());
        append(s, "type", f.type() == null ? null : f.type().name());
        append(s, "date", f.date() == null ? null : f.date().toString());
        append(s, "mode", f.online() == null ? null : f.online() ? "online" : "in-person");
        append(s, "q", f.q());
        if (f.near() != null) {
            append(s, "near", f.near().latitude() + "," + f.near().longitude());
            append(s, "radius", String.valueOf(f.near().radiusKm()));
        }
        return s.toString();
    }

    private static void append(StringBuilder s, String name, String value) {
        if (value != null && !value.isBlank()) {
            s.append(s.isEmpty() ? '?' : '&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
