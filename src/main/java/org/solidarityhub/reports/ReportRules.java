package org.solidarityhub.reports;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.EmailAddresses;
import org.solidarityhub.submissions.FieldCheck;
import org.solidarityhub.submissions.Problems;
import org.springframework.stereotype.Component;

/**
 * The checks of a report's fields, each problem a message key under {@code reports.error}: the text (required,
 * plain, at most {@link #TEXT_LIMIT}), the attendance estimate (a whole number from 0 to the configured highest),
 * the links (http or https only, at most the configured number) and, on the campaign page, the country and the email.
 */
@Component
class ReportRules {

    static final int TEXT_LIMIT = 5000;
    static final int LINK_LIMIT = 500;

    /** The checked fields; problems is empty when they can be stored. */
    record Outcome(Problems problems, @Nullable String text, @Nullable Integer attendance, List<StoredReport.Link> links,
                   @Nullable String country, @Nullable String email) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    private final ReportsProperties properties;
    private final Countries countries;

    ReportRules(ReportsProperties properties, Countries countries) {
        this.properties = properties;
        this.countries = countries;
    }

    /** Checks a form; {@code fromCampaignPage} also asks for the email (required) and the country (optional). */
    Outcome check(ReportForm form, boolean fromCampaignPage) {
        Problems p = new Problems("reports.error");
        String text = p.text("text", form.text()).required().maxLength(TEXT_LIMIT).noControl().plain().value();
        Integer attendance = attendance(p, form.attendance());
        List<StoredReport.Link> links = links(p, form.links());
        String country = null;
        String email = null;
        if (fromCampaignPage) {
            String code = form.country() == null ? "" : form.country().strip();
            if (!code.isEmpty()) {
                country = countries.normalize(code).orElse(null);
                if (country == null) {
                    p.add("country", "country");
                }
            }
            email = p.text("email", form.email()).required().maxLength(EmailAddresses.MAX_LENGTH).value();
            if (email != null && !EmailAddresses.isValid(email)) {
                p.add("email", "email");
                email = null;
            }
        }
        return new Outcome(p, text, attendance, links, country, email);
    }

    private @Nullable Integer attendance(Problems p, @Nullable String value) {
        String digits = value == null ? "" : value.strip().replace(" ", "").replace(",", "").replace(".", "");
        if (digits.isEmpty()) {
            return null;
        }
        if (!digits.matches("\\d{1,9}") || Integer.parseInt(digits) > properties.maxAttendance()) {
            p.add("attendance", "attendance", properties.maxAttendance());
            return null;
        }
        return Integer.parseInt(digits);
    }

    private List<StoredReport.Link> links(Problems p, @Nullable String value) {
        List<StoredReport.Link> links = new ArrayList<>();
        if (value == null) {
            return links;
        }
        int line = 0;
        for (String raw : value.split("\\R")) {
            String url = raw.strip();
            line++;
            if (url.isEmpty()) {
                continue;
            }
            if (url.length() > LINK_LIMIT || FieldCheck.hasControl(url) || !FieldCheck.isWebAddress(url)) {
                p.add("links", "link", line);
                return List.of();
            }
            links.add(new StoredReport.Link(url, URI.create(url).getHost().toLowerCase(Locale.ROOT)));
        }
        if (links.size() > properties.maxLinks()) {
            p.add("links", "tooManyLinks", properties.maxLinks());
            return List.of();
        }
        return links;
    }
}
