package org.solidarityhub.reports;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.events.EventPageSection;
import org.solidarityhub.platform.ContentVersions;
import org.solidarityhub.platform.PageVersion;
import org.springframework.stereotype.Component;

/** The published reports of an event, with their approved photos and videos, under the event on its page. */
@Component
class ReportsOnEventPage implements EventPageSection {

    private final ReportStore store;
    private final ReportViews views;
    private final ContentVersions versions;

    ReportsOnEventPage(ReportStore store, ReportViews views, ContentVersions versions) {
        this.store = store;
        this.views = views;
        this.versions = versions;
    }

    @Override
    public PageVersion version(long campaignId) {
        return ReportsPages.of(versions, campaignId);
    }

    @Override
    public String template() {
        return "reports/event";
    }

    @Override
    public @Nullable Object data(long eventId, Locale locale) {
        List<ReportViews.ReportView> reports = views.views(store.publishedOfEvent(eventId));
        return reports.isEmpty() ? null : reports;
    }
}
