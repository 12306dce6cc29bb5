package org.solidarityhub.home;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.appeal.AppealDirectory;
import org.solidarityhub.events.EventDirectory;
import org.solidarityhub.fundraising.Fundraiser;
import org.solidarityhub.fundraising.FundraisingVersions;
import org.solidarityhub.fundraising.PublicFundraising;
import org.solidarityhub.news.NewsPosts;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.PageVersion;
import org.solidarityhub.reports.NewestReports;
import org.springframework.stereotype.Component;

/**
 * What the front page shows, read through each feature's public facade, and the version of all of it (for the page
 * cache): a block whose feature has nothing to show yet is null or empty, and the page leaves it out.
 */
@Component
class FrontPage {

    static final int EVENTS = 6;
    static final int REPORT_ITEMS = 6;
    static final int FUNDRAISERS = 2;
    static final int NEWS = 3;
    /** Events drop off the list when they end: the version moves on at least this often. */
    static final Duration EVENT_LIST_STEP = Duration.ofMinutes(10);

    /** An upcoming event as a card: its place written out ("Brussels, Belgium"), null when online; its title's language. */
    record EventCard(long id, String title, String typeKey, String when, boolean online, @Nullable String place,
                     String language, @Nullable String thumbnailUrl) {
    }

    /** Everything the page shows. */
    record Blocks(AppealDirectory.@Nullable Featured appeal, EventDirectory.@Nullable CampaignSummary campaign,
                  List<EventCard> events, List<NewestReports.Item> reports, List<PublicFundraising.Card> fundraisers,
                  List<NewsPosts.Headline> news) {
    }

    private final AppealDirectory appeals;
    private final EventDirectory events;
    private final NewestReports reports;
    private final PublicFundraising fundraising;
    private final FundraisingVersions fundraisingVersions;
    private final NewsPosts news;
    private final Countries countries;
    private final Clock clock;

    FrontPage(AppealDirectory appeals, EventDirectory events, NewestReports reports, PublicFundraising fundraising,
              FundraisingVersions fundraisingVersions, NewsPosts news, Countries countries, Clock clock) {
        this.appeals = appeals;
        this.events = events;
        this.reports = reports;
        this.fundraising = fundraising;
        this.fundraisingVersions = fundraisingVersions;
        this.news = news;
        this.countries = countries;
        this.clock = clock;
    }

    Blocks read(Locale locale) {
        Optional<EventDirectory.CampaignSummary> campaign = events.currentSummary(locale);
        List<EventCard> upcoming = campaign.map(c -> events.upcoming(c.id(), clock.instant(), EVENTS, locale).stream()
                .map(e -> new EventCard(e.id(), e.title(), e.typeKey(), e.when(), e.online(), place(e, locale), e.language(),
                        e.thumbnailUrl())).toList())
                .orElse(List.of());
        List<NewestReports.Item> items = campaign.map(c -> reports.newest(c.id(), REPORT_ITEMS)).orElse(List.of());
        return new Blocks(appeals.featured(locale).orElse(null), campaign.orElse(null), upcoming, items,
                shownFundraisers().stream().map(fundraising::card).toList(), news.latest(NEWS, locale));
    }

    /** The version of everything {@link #read} shows, in any language. */
    PageVersion version() {
        PageVersion version = appeals.featuredVersion().and(events.currentCampaignVersion());
        Optional<EventDirectory.CampaignSummary> campaign = events.currentSummary(Locale.ENGLISH);
        if (campaign.isPresent()) {
            version = version.and(reports.version(campaign.get().id()));
        }
        for (Fundraiser f : shownFundraisers()) {
            version = version.and(PageVersion.of(null, "fundraiser", f.id())).and(fundraisingVersions.read(f.id()));
        }
        Instant now = clock.instant();
        return version.and(news.version()).and(PageVersion.of(null, now.toEpochMilli() / EVENT_LIST_STEP.toMillis()));
    }

    /** The open fundraisers first (newest first within each state), a few. */
    private List<Fundraiser> shownFundraisers() {
        return fundraising.all().stream()
                .sorted(Comparator.comparing((Fundraiser f) -> f.state() != Fundraiser.State.OPEN))
                .limit(FUNDRAISERS).toList();
    }

    private @Nullable String place(EventDirectory.Upcoming event, Locale locale) {
        if (event.online() || event.country() == null) {
            return event.city();
        }
        String country = countries.name(event.country(), locale);
        return event.city() == null || event.city().isBlank() ? country : event.city() + ", " + country;
    }
}
