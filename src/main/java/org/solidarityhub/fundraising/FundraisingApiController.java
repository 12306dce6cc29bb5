package org.solidarityhub.fundraising;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.ApiProblem;
import org.solidarityhub.platform.Csv;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public fundraising API (in the OpenAPI file): the fundraisers, one with its needs, purchases and reports,
 * its ledger as paged JSON and as CSV, and the small JSON of the progress widget. Errors are problem details.
 */
@RestController
class FundraisingApiController {

    static final List<String> CSV_HEADER = List.of("transaction", "occurred_on", "kind", "reverses", "donor",
            "channel", "entry", "account", "need", "need_item", "amount", "currency", "quantity");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final PublicFundraising fundraising;
    private final PublicLedger ledger;
    private final FundraisingApi api;
    private final FundraisingProperties properties;

    FundraisingApiController(PublicFundraising fundraising, PublicLedger ledger, FundraisingApi api,
                             FundraisingProperties properties) {
        this.fundraising = fundraising;
        this.ledger = ledger;
        this.api = api;
        this.properties = properties;
    }

    @GetMapping("/api/v1/fundraisers")
    List<FundraisingApi.ApiSummary> fundraisers() {
        return fundraising.cards().stream().map(api::summary).toList();
    }

    @GetMapping("/api/v1/fundraisers/{slug}")
    FundraisingApi.ApiFundraiser fundraiser(@PathVariable String slug) {
        return api.fundraiser(fundraising.page(find(slug)));
    }

    @GetMapping("/api/v1/fundraisers/{slug}/widget")
    FundraisingApi.ApiWidget widget(@PathVariable String slug) {
        return api.widget(fundraising.card(find(slug)));
    }

    @GetMapping("/api/v1/fundraisers/{slug}/ledger")
    FundraisingApi.ApiLedgerPage ledger(@PathVariable String slug, @RequestParam(required = false) String kind,
                                        @RequestParam(required = false) String month,
                                        @RequestParam(required = false) String need,
                                        @RequestParam(required = false) String page) {
        Fundraiser f = find(slug);
        LedgerFilter filter = filter(kind, month, need, page);
        int size = properties.ledgerPageSize();
        return new FundraisingApi.ApiLedgerPage(filter.page(), size, ledger.count(f.id(), filter),
                ledger.page(f.id(), filter, (filter.page() - 1) * size, size).stream()
                        .map(FundraisingApi::transaction).toList());
    }

    /** Every transaction the filters take, one line per entry, newest first. */
    @GetMapping("/api/v1/fundraisers/{slug}/ledger.csv")
    ResponseEntity<byte[]> csv(@PathVariable String slug, @RequestParam(required = false) String kind,
                               @RequestParam(required = false) String month,
                               @RequestParam(required = false) String need) {
        Fundraiser f = find(slug);
        LedgerFilter filter = filter(kind, month, need, null);
        Map<Long, String> items = fundraising.needItems(f);
        StringBuilder csv = new StringBuilder(Csv.row(CSV_HEADER));
        ledger.all(f.id(), filter, line -> {
            for (PublicLedger.Row row : line.rows()) {
                csv.append(Csv.row(Arrays.asList(line.id(), line.occurredOn().toString(), line.kind().name(),
                        line.reversesId(), line.donor(), line.channel(), row.id(), row.account().name(), row.needId(),
                        row.needId() == null ? null : items.get(row.needId()), row.amount().toMajor(),
                        row.amount().currency(), row.quantity())));
            }
        });
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + f.slug() + "-ledger.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Fundraiser find(String slug) {
        return fundraising.bySlug(slug)
                .orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "fundraising.public.unknown"));
    }

    private static LedgerFilter filter(@Nullable String kind, @Nullable String month, @Nullable String need,
                                       @Nullable String page) {
        LedgerFilter.Parsed parsed = LedgerFilter.parse(kind, month, need, page);
        if (!parsed.problems().isEmpty()) {
            throw ApiProblem.fields("fundraising.ledger.badFilter", parsed.problems());
        }
        return parsed.filter();
    }
}
