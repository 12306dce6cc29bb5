package org.solidarityhub.fundraising;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The currencies the pledge form offers: the fundraiser's own first, then those donors of this network use most. */
final class PledgeCurrencies {

    private static final List<String> COMMON = List.of("EUR", "USD", "GBP", "PLN", "UAH", "CHF", "CZK", "SEK");

    private PledgeCurrencies() {
    }

    static List<String> offered(String base) {
        Set<String> offered = new LinkedHashSet<>();
        offered.add(base);
        offered.addAll(COMMON);
        return List.copyOf(offered);
    }
}
