package org.solidarityhub.reports;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.events.EventPageSection;
import org.springframework.stereotype.Component;

/** The published reports of an event, with their approved photos and videos, under the event on its page. */
@Component
class ReportsOnEventPage implements EventPageSection {

    private final ReportStore store;
    private final ReportViews views;

    ReportsOnEventPage(ReportStore store, ReportViews views) {
        this.store = store;
        this.views = views;
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
