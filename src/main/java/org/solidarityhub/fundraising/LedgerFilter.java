package org.solidarityhub.fundraising;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.PageNumbers;

/**
 * The filters of the public ledger as a reader wrote them in the query ({@code kind}, {@code month} as
 * {@code 2026-03}, {@code need} as a need's id, {@code page}), checked: each wrong one gets its message key.
 */
record LedgerFilter(@Nullable TransactionKind kind, @Nullable YearMonth month, @Nullable Long need, int page) {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    /** The filters, or the problems: parameter name to message key. */
    record Parsed(LedgerFilter filter, Map<String, String> problems) {
    }

    static Parsed parse(@Nullable String kind, @Nullable String month, @Nullable String need, @Nullable String page) {
        Map<String, String> problems = new LinkedHashMap<>();
        TransactionKind k = null;
        if (kind != null && !kind.isBlank()) {
            try {
                k = TransactionKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.put("kind", "fundraising.ledger.badKind");
            }
        }
        YearMonth m = null;
        if (month != null && !month.isBlank()) {
            try {
                m = MONTH.matcher(month.strip()).matches() ? YearMonth.parse(month.strip()) : null;
            } catch (DateTimeParseException e) {
                m = null;
            }
            if (m == null || m.getYear() < 2000) {
                problems.put("month", "fundraising.ledger.badMonth");
                m = null;
            }
        }
        Long n = null;
        if (need != null && !need.isBlank()) {
            if (ID.matcher(need.strip()).matches()) {
                n = Long.parseLong(need.strip());
            } else {
                problems.put("need", "fundraising.ledger.badNeed");
            }
        }
        Integer number = PageNumbers.parse(page);
        if (number == null) {
            problems.put("page", "fundraising.ledger.badPage");
        }
        return new Parsed(new LedgerFilter(k, m, n, number == null ? 1 : number), problems);
    }

    @Nullable LocalDate from() {
        return month == null ? null : month.atDay(1);
    }

    @Nullable LocalDate until() {
        return month == null ? null : month.plusMonths(1).atDay(1);
    }

    /** The query parameters of these filters (empty where none), for links to other pages and the exports. */
    Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("kind", kind == null ? "" : kind.name());
        query.put("month", month == null ? "" : month.toString());
        query.put("need", need == null ? "" : need.toString());
        return query;
    }
}
