package org.solidarityhub.fundraising;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.submissions.Problems;

/**
 * Reads the fields of a treasurer's form, recording a problem per field under {@code fundraising.*} (money
 * through {@link Money#parse}, so its keys are {@code fundraising.amount.*}); {@link #done()} throws
 * {@link FormProblems} when there is any, before anything is written.
 */
final class Fields {

    /** The largest number of items in a need, a purchase or a delivery. */
    static final long MAX_QUANTITY = 1_000_000_000L;

    private final Problems problems = new Problems("fundraising");
    private final LocalDate today;

    Fields(LocalDate today) {
        this.today = today;
    }

    Problems problems() {
        return problems;
    }

    void done() {
        if (!problems.isEmpty()) {
            throw new FormProblems(problems);
        }
    }

    /** A line of plain text (a title, an item, a name shown in public). */
    @Nullable String line(String field, @Nullable String value, int limit, boolean required) {
        var check = problems.text(field, value);
        if (required) {
            check.required();
        }
        return check.maxLength(limit).plain().noControl().singleLine().oneLine().value();
    }

    /** A name a donor or an organization goes by: a line that is no formula and no web address. */
    @Nullable String name(String field, @Nullable String value, int limit, boolean required) {
        var check = problems.text(field, value);
        if (required) {
            check.required();
        }
        return check.maxLength(limit).plain().noControl().singleLine().oneLine().name().value();
    }

    /** Plain text of several lines. */
    @Nullable String text(String field, @Nullable String value, int limit, boolean required) {
        var check = problems.text(field, value);
        if (required) {
            check.required();
        }
        return check.maxLength(limit).plain().noControl().value();
    }

    @Nullable String currency(String field, @Nullable String value) {
        try {
            return Money.normalizeCurrency(value);
        } catch (MoneyException e) {
            add(field, e);
            return null;
        }
    }

    /** An amount of a currency already read (no amount problem is added when the currency had one). */
    @Nullable Money money(String field, @Nullable String amount, @Nullable String currency, boolean required) {
        if (!required && (amount == null || amount.isBlank())) {
            return null;
        }
        if (currency == null) {
            if (amount == null || amount.isBlank()) {
                problems.add(field, "amount.required");
            }
            return null;
        }
        try {
            Money money = Money.parse(amount, currency);
            if (money.minor() == 0) {
                problems.add(field, "amount.zero");
                return null;
            }
            return money;
        } catch (MoneyException e) {
            add(field, e);
            return null;
        }
    }

    /** A whole number of items, 1 to {@link #MAX_QUANTITY}. */
    @Nullable Long quantity(String field, @Nullable String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            problems.add(field, "required");
            return null;
        }
        if (!text.matches("\\d{1,10}")) {
            problems.add(field, text.matches("-\\d+") ? "quantity.positive" : "quantity.format");
            return null;
        }
        long quantity = Long.parseLong(text);
        if (quantity == 0 || quantity > MAX_QUANTITY) {
            problems.add(field, quantity == 0 ? "quantity.positive" : "quantity.tooLarge", MAX_QUANTITY);
            return null;
        }
        return quantity;
    }

    /** A day as a date field sends it (2026-03-19), not in the future. */
    @Nullable LocalDate date(String field, @Nullable String value, boolean required) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                problems.add(field, "required");
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.isAfter(today)) {
                problems.add(field, "date.future");
                return null;
            }
            if (date.getYear() < 2000) {
                problems.add(field, "date.format");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(field, "date.format");
            return null;
        }
    }

    /** One of an enum's names, or the default when blank. */
    <E extends Enum<E>> @Nullable E choice(String field, @Nullable String value, Class<E> type, @Nullable E otherwise) {
        String text = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        if (text.isEmpty()) {
            if (otherwise == null) {
                problems.add(field, "required");
            }
            return otherwise;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            problems.add(field, "choice");
            return null;
        }
    }

    /** An id typed or chosen (a need, a transaction), or null when blank. */
    @Nullable Long id(String field, @Nullable String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (!text.matches("\\d{1,18}")) {
            problems.add(field, "choice");
            return null;
        }
        return Long.parseLong(text);
    }

    /** A typed rate for a currency other than the base, with its date and source. */
    @Nullable ExchangeRate rate(String from, String to, @Nullable String rate, @Nullable String on,
                                @Nullable String source) {
        LocalDate day = date("rateOn", on, true);
        if (day == null) {
            return null;
        }
        try {
            return ExchangeRate.parse(from, to, rate, day, source);
        } catch (MoneyException e) {
            add(e.reasonKey().contains("source") ? "rateSource" : "rate", e);
            return null;
        }
    }

    void add(String field, String suffix, Object... arguments) {
        problems.add(field, suffix, arguments);
    }

    boolean has(String field) {
        return problems.has(field);
    }

    private void add(String field, MoneyException e) {
        problems.add(field, e.suffix(), e.arguments().toArray());
    }
}
