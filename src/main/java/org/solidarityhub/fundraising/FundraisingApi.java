package org.solidarityhub.fundraising;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.PlatformProperties;
import org.springframework.stereotype.Component;

/**
 * The shapes of the public fundraising API (src/main/resources/static/api/openapi.yaml) and how views become them.
 * Amounts are whole minor units with their currency and the same amount as a decimal string.
 */
@Component
class FundraisingApi {

    record ApiMoney(long minor, String currency, String amount) {
        static @Nullable ApiMoney of(@Nullable Money money) {
            return money == null ? null : new ApiMoney(money.minor(), money.currency(), money.plain());
        }
    }

    record ApiSummary(String slug, String title, String summary, String baseCurrency, String state,
                      @Nullable ApiMoney goal, ApiMoney raised, @Nullable Integer goalPercent, String url, String api) {
    }

    record ApiTotals(ApiMoney raised, ApiMoney ordered, ApiMoney delivered, ApiMoney inKind) {
    }

    record ApiNeed(long id, String item, String description, long quantity, ApiMoney unitCost, String priority,
                   String state, ApiMoney funded, ApiMoney ordered, long orderedItems, ApiMoney delivered,
                   long deliveredItems, int fundedPercent, int orderedPercent, int deliveredPercent) {
    }

    record ApiDelivery(long quantity, LocalDate deliveredOn, @Nullable String recipient, boolean recipientWithheld) {
    }

    record ApiPurchase(long id, long need, String needItem, long quantity, ApiMoney total,
                       ApiMoney base, String status, LocalDate orderedOn, @Nullable LocalDate paidOn,
                       @Nullable LocalDate shippedOn, @Nullable LocalDate deliveredOn, @Nullable String supplier,
                       boolean supplierWithheld, @Nullable String intermediary, boolean intermediaryWithheld,
                       List<ApiDelivery> deliveries) {
    }

    record ApiReport(int number, String title, Instant publishedAt, long upToTransaction, long rows,
                     String rowsSha256, @Nullable String previousSha256, String reportSha256, String url,
                     String rowsUrl, String reportUrl, String verifyUrl) {
    }

    record ApiFundraiser(ApiSummary fundraiser, String howToGive, ApiTotals totals, List<ApiNeed> needs,
                         List<ApiPurchase> purchases, List<ApiReport> reports) {
    }

    record ApiEntry(long id, String account, @Nullable Long need, ApiMoney amount, @Nullable Long quantity) {
    }

    record ApiTransaction(long id, LocalDate occurredOn, String kind, @Nullable Long reverses, @Nullable Long need,
                          @Nullable String donor, @Nullable String channel, @Nullable ApiMoney amount,
                          List<ApiEntry> entries) {
    }

    record ApiLedgerPage(int page, int pageSize, long total, List<ApiTransaction> transactions) {
    }

    record ApiWidget(String slug, String title, @Nullable ApiMoney goal, ApiMoney raised, @Nullable Integer goalPercent,
                     String url) {
    }

    private final PlatformProperties platform;

    FundraisingApi(PlatformProperties platform) {
        this.platform = platform;
    }

    ApiSummary summary(PublicFundraising.Card card) {
        Fundraiser f = card.fundraiser();
        return new ApiSummary(f.slug(), f.title(), f.summary(), f.baseCurrency(), f.state().name(),
                ApiMoney.of(f.goal()), ApiMoney.of(card.totals().raised()), card.goalPercent(),
                platform.link("/fundraisers/" + f.slug()), platform.link("/api/v1/fundraisers/" + f.slug()));
    }

    ApiFundraiser fundraiser(PublicFundraising.Page page) {
        Fundraiser f = page.card().fundraiser();
        FundraisingFigures.Totals t = page.card().totals();
        return new ApiFundraiser(summary(page.card()), f.howToGive(),
                new ApiTotals(ApiMoney.of(t.raised()), ApiMoney.of(t.ordered()), ApiMoney.of(t.delivered()),
                        ApiMoney.of(t.inKind())),
                page.needs().stream().map(FundraisingApi::need).toList(),
                page.purchases().stream().map(FundraisingApi::purchase).toList(),
                page.reports().stream().map(r -> report(f, r)).toList());
    }

    static ApiNeed need(PublicFundraising.NeedView v) {
        Need n = v.need();
        FundraisingFigures.Progress p = v.progress();
        return new ApiNeed(n.id(), n.item(), n.description(), n.quantity(), ApiMoney.of(n.unitCost()),
                n.priority().name(), n.state().name(), ApiMoney.of(p.funded()), ApiMoney.of(p.ordered()),
                p.orderedItems(), ApiMoney.of(p.delivered()), p.deliveredItems(), v.fundedPercent(),
                v.orderedPercent(), v.deliveredPercent());
    }

    static ApiPurchase purchase(PublicFundraising.PurchaseView v) {
        Fundraising.PublicPurchase p = v.purchase();
        return new ApiPurchase(p.id(), p.needId(), p.item(), p.quantity(), ApiMoney.of(p.total()),
                ApiMoney.of(p.base()), p.status().name(), p.orderedOn(), p.paidOn(), p.shippedOn(), p.deliveredOn(),
                p.supplier(), p.supplierWithheld(), p.intermediary(), p.intermediaryWithheld(),
                v.deliveries().stream().map(d -> new ApiDelivery(d.quantity(), d.deliveredOn(), d.recipient(),
                        d.recipientWithheld())).toList());
    }

    ApiReport report(Fundraiser f, NumberedReport r) {
        String base = "/fundraisers/" + f.slug() + "/reports/" + r.number();
        return new ApiReport(r.number(), r.title(), r.publishedAt(), r.upToTransaction(), r.rowCount(),
                r.rowsSha256(), r.previousSha256(), r.reportSha256(), platform.link(base),
                platform.link(base + "/rows.txt"), platform.link(base + "/report.txt"), platform.link(base + "/verify"));
    }

    static ApiTransaction transaction(PublicLedger.Line line) {
        return new ApiTransaction(line.id(), line.occurredOn(), line.kind().name(), line.reversesId(), line.needId(),
                line.donor(), line.channel(), ApiMoney.of(line.headline()),
                line.rows().stream().map(r -> new ApiEntry(r.id(), r.account().name(), r.needId(),
                        ApiMoney.of(r.amount()), r.quantity())).toList());
    }

    ApiWidget widget(PublicFundraising.Card card) {
        Fundraiser f = card.fundraiser();
        return new ApiWidget(f.slug(), f.title(), ApiMoney.of(f.goal()), ApiMoney.of(card.totals().raised()),
                card.goalPercent(), platform.link("/fundraisers/" + f.slug()));
    }
}
