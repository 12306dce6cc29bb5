package org.solidarityhub.events;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.DateTimes;
import org.solidarityhub.submissions.Problems;
import org.solidarityhub.submissions.SubmissionConfirmed;
import org.solidarityhub.submissions.SubmissionLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Recurring and multi-place actions: an action entered once with other dates and other cities becomes one normal
 * event per date and city (every date in every city), at most {@link EventsProperties#maxOccurrences()}, linked as a
 * series. Each occurrence has its own management link and is moderated on its own; confirming one confirms them all.
 * Its page links to the others ("also on", "also in"); the API lists their ids as {@code series}.
 */
@Service
class EventSeries {

    /** The checked other occurrences, or the problems of the series fields ({@code alsoOn}, {@code alsoIn}). */
    record Plan(List<Draft> others, Map<String, org.solidarityhub.submissions.Problem> problems) {
        boolean valid() {
            return problems.isEmpty();
        }
    }

    /** A link from an event page to another occurrence. */
    record Link(long id, String label) {
    }

    /** What an event page shows of its series: the same place on other dates, and other places. */
    record View(List<Link> alsoOn, List<Link> alsoIn) {
        public boolean isEmpty() {
            return alsoOn.isEmpty() && alsoIn.isEmpty();
        }
    }

    private final EventRules rules;
    private final EventSeriesStore series;
    private final EventStore store;
    private final EventImages images;
    private final Events events;
    private final EventQueries queries;
    private final EventsProperties properties;
    private final SubmissionLifecycle lifecycle;
    private final AuditLog audit;
    private final Clock clock;

    EventSeries(EventRules rules, EventSeriesStore series, EventStore store, EventImages images, Events events,
                EventQueries queries, EventsProperties properties, SubmissionLifecycle lifecycle, AuditLog audit, Clock clock) {
        this.rules = rules;
        this.series = series;
        this.store = store;
        this.images = images;
        this.events = events;
        this.queries = queries;
        this.properties = properties;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks the series fields against the checked first occurrence and makes the others. */
    Plan plan(Campaign campaign, SubmitEvent first, Draft draft, @Nullable SeriesForm form, Locale locale) {
        Problems p = new Problems("events.series.error");
        if (form == null) {
            return new Plan(List.of(), Map.of());
        }
        Set<LocalDate> dates = new LinkedHashSet<>();
        LocalDate firstDate = draft.startsLocal().toLocalDate();
        if (Boolean.TRUE.equals(form.everyDay())) {
            for (LocalDate d = campaign.startsOn(); !d.isAfter(campaign.endsOn()); d = d.plusDays(1)) {
                dates.add(d);
            }
        }
        String alsoOn = form.alsoOn() == null ? "" : form.alsoOn().strip();
        if (alsoOn.length() > 400) {
            p.add("alsoOn", "tooLong", 400);
        } else if (!alsoOn.isEmpty()) {
            for (String token : alsoOn.split("[,;\\s]+")) {
                LocalDate date;
                try {
                    date = LocalDate.parse(token);
                } catch (DateTimeParseException e) {
                    p.add("alsoOn", "date", token);
                    break;
                }
                if (date.isBefore(campaign.startsOn()) || date.isAfter(campaign.endsOn())) {
                    DateTimes label = DateTimes.of(locale);
                    p.add("alsoOn", "outside", label.day(date), label.day(campaign.startsOn()), label.day(campaign.endsOn()));
                    break;
                }
                dates.add(date);
            }
        }
        dates.remove(firstDate);
        List<SubmitEvent.Location> places = new ArrayList<>();
        String alsoIn = form.alsoIn() == null ? "" : form.alsoIn().strip();
        if (!alsoIn.isEmpty() && first.location() == null) {
            p.add("alsoIn", "online");
        } else if (alsoIn.length() > 2000) {
            p.add("alsoIn", "tooLong", 2000);
        } else if (!alsoIn.isEmpty()) {
            String[] lines = alsoIn.split("\\R");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty()) {
                    continue;
                }
                int comma = line.lastIndexOf(',');
                String city = comma < 0 ? line : line.substring(0, comma).strip();
                String country = comma < 0 ? draft.country() : line.substring(comma + 1).strip().toUpperCase(Locale.ROOT);
                if (city.equalsIgnoreCase(draft.city()) && country.equals(draft.country())) {
                    continue;
                }
                SubmitEvent.Location l = first.location();
                SubmitEvent.Location other = new SubmitEvent.Location("", "", city, country, null, null, l.visibility());
                EventRules.Outcome checked = rules.check(withPlace(first, other), campaign, locale, true);
                if (!checked.valid()) {
                    p.add("alsoIn", "city", i + 1, line);
                    break;
                }
                if (places.stream().noneMatch(o -> o.city().equalsIgnoreCase(checked.draft().city()) && o.country().equals(country))) {
                    places.add(new SubmitEvent.Location("", "", checked.draft().city(), country, null, null, l.visibility()));
                }
            }
        }
        int occurrences = (1 + dates.size()) * (1 + places.size());
        if (p.isEmpty() && occurrences > properties.maxOccurrences()) {
            p.add(dates.isEmpty() ? "alsoIn" : "alsoOn", "tooMany", properties.maxOccurrences(), occurrences);
        }
        if (!p.isEmpty()) {
            return new Plan(List.of(), p.all());
        }
        List<Draft> others = new ArrayList<>();
        List<SubmitEvent.Location> allPlaces = new ArrayList<>();
        allPlaces.add(first.location());
        allPlaces.addAll(places);
        List<LocalDate> allDates = new ArrayList<>();
        allDates.add(firstDate);
        allDates.addAll(dates);
        Duration length = Duration.between(draft.startsLocal(), draft.endsLocal());
        for (int pi = 0; pi < allPlaces.size(); pi++) {
            for (int di = 0; di < allDates.size(); di++) {
                if (pi == 0 && di == 0) {
                    continue;
                }
                LocalDateTime start = allDates.get(di).atTime(draft.startsLocal().toLocalTime());
                SubmitEvent occurrence = new SubmitEvent(first.title(), first.type(), first.description(), first.languages(),
                        start.toString(), start.plus(length).toString(), first.timezone(), pi == 0 ? first.location() : allPlaces.get(pi),
                        first.onlineUrl(), first.organizers(), first.organizations(), first.contactEmail(), first.accessibility(),
                        first.speakerRequested(), first.language());
                EventRules.Outcome checked = rules.check(occurrence, campaign, locale, true);
                if (!checked.valid()) {
                    // the first passed: a date of the others breaks a rule of time (for example a day in the past)
                    p.add(di == 0 ? "alsoIn" : "alsoOn", "occurrence", DateTimes.of(locale).day(allDates.get(di)));
                    return new Plan(List.of(), p.all());
                }
                others.add(checked.draft());
            }
        }
        return new Plan(others, Map.of());
    }

    private static SubmitEvent withPlace(SubmitEvent in, SubmitEvent.Location location) {
        return new SubmitEvent(in.title(), in.type(), in.description(), in.languages(), in.start(), in.end(), in.timezone(),
                location, in.onlineUrl(), in.organizers(), in.organizations(), in.contactEmail(), in.accessibility(),
                in.speakerRequested(), in.language());
    }

    /** Stores the first occurrence with its images and the others, linked, all or nothing. */
    @Transactional
    Events.Submitted submit(Campaign campaign, Draft first, List<Draft> others, String contactEmail, Locale language,
                            GoingChoice going, List<MultipartFile> files) {
        Events.Submitted submitted = images.submit(campaign, first, contactEmail, language, going, files);
        if (others.isEmpty()) {
            return submitted;
        }
        series.add(submitted.id(), submitted.id());
        for (Draft other : others) {
            series.add(events.submit(campaign, other, contactEmail, language, going).id(), submitted.id());
        }
        audit.record("events.series-submitted", "event", submitted.id(), (others.size() + 1) + " occurrences");
        return submitted;
    }

    /** Confirming one occurrence from its mail confirms the others that wait for it. */
    @EventListener
    void on(SubmissionConfirmed confirmed) {
        if (!Events.SUBJECT.equals(confirmed.subjectType())) {
            return;
        }
        for (long sibling : series.siblings(confirmed.subjectId())) {
            store.find(sibling).filter(e -> e.status() == EventStatus.UNCONFIRMED).ifPresent(e -> {
                store.confirm(sibling, clock.instant());
                lifecycle.confirmed(Events.SUBJECT, sibling);
            });
        }
    }

    /** The published other occurrences of an event, for its page. */
    View view(PublicEvent event, Locale locale) {
        List<Link> alsoOn = new ArrayList<>();
        List<Link> alsoIn = new ArrayList<>();
        DateTimes label = DateTimes.of(locale);
        List<PublicEvent> others = series.publishedSiblings(List.of(event.id())).getOrDefault(event.id(), List.of()).stream()
                .map(queries::byId).flatMap(java.util.Optional::stream)
                .sorted(java.util.Comparator.comparing(PublicEvent::startsLocal)).toList();
        for (PublicEvent other : others) {
            boolean samePlace = java.util.Objects.equals(other.city(), event.city()) && java.util.Objects.equals(other.country(), event.country());
            if (samePlace) {
                alsoOn.add(new Link(other.id(), label.day(other.startsLocal().toLocalDate())));
            } else {
                alsoIn.add(new Link(other.id(), other.city() + " · " + label.day(other.startsLocal().toLocalDate())));
            }
        }
        return new View(alsoOn, alsoIn);
    }

    /** The ids of the published other occurrences of each of these events (for the API). */
    Map<Long, List<Long>> ids(List<Long> eventIds) {
        return series.publishedSiblings(eventIds);
    }
}
