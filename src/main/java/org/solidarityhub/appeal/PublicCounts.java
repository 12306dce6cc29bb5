package org.solidarityhub.appeal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The counts of an appeal as the public sees them (pages and API): every group (all signatures, each kind,
 * each country) of at least one but fewer than {@code appeal.small-count-threshold} signatures shows as
 * "fewer than N", so that one signer who chose not to appear cannot be told apart by a count that moves from
 * 0 to 1 at a known time. Staff see the exact {@link SignatureCounts.Counts}.
 */
record PublicCounts(Count total, Count individuals, Count organizations, Map<String, Count> byCountry) {

    /** One published number: exact, or only "fewer than {@code value}". */
    record Count(long value, boolean fewer) {

        static Count of(long exact, int threshold) {
            return exact > 0 && exact < threshold ? new Count(threshold, true) : new Count(exact, false);
        }

        /** The exact number where it may be shown, else 0 (for a progress bar). */
        public long shown() {
            return fewer ? 0 : value;
        }

        /** As the API writes it: a number, or {@code {"fewerThan": N}}. */
        @JsonValue
        Object json() {
            return fewer ? Map.of("fewerThan", value) : value;
        }
    }

    static PublicCounts of(SignatureCounts.Counts exact, int threshold) {
        Map<String, Count> byCountry = new LinkedHashMap<>();
        exact.byCountry().forEach((country, total) -> byCountry.put(country, Count.of(total, threshold)));
        return new PublicCounts(Count.of(exact.total(), threshold), Count.of(exact.individuals(), threshold),
                Count.of(exact.organizations(), threshold), byCountry);
    }

}
