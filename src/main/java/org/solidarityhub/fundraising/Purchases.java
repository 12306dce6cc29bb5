package org.solidarityhub.fundraising;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.organizations.Organizations;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.BadInputException;
import org.solidarityhub.platform.Countries;
import org.solidarityhub.platform.StaffActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records purchases and moves them from ordered to delivered. A purchase above the four-eyes amount waits, out of
 * the ledger, until a second treasurer approves it ({@link Approvals}); then it is posted as ordered (goods ordered
 * against what is owed to the supplier), and paying it posts the payment (owed against funds).
 */
@Service
public class Purchases {

    static final int DESCRIPTION = 1000;

    /** A purchase as a treasurer typed it; the supplier and intermediary are an organization's name and country. */
    record Form(@Nullable String need, @Nullable String quantity, @Nullable String total, @Nullable String currency,
                @Nullable String description, @Nullable String supplierName, @Nullable String supplierCountry,
                @Nullable Boolean supplierWithheld, @Nullable String intermediaryName, @Nullable String intermediaryCountry,
                @Nullable Boolean intermediaryWithheld, @Nullable String orderedOn, @Nullable String rate,
                @Nullable String rateOn, @Nullable String rateSource) {
        static Form empty(String currency, LocalDate today) {
            return new Form("", "", "", currency, "", "", "", false, "", "", false, today.toString(), "",
                    today.toString(), "");
        }
    }

    /** What came of a request: the purchase (or correction) and whether it waits for a second treasurer. */
    record Outcome(long id, boolean pending) {
    }

    private final Fundraisers fundraisers;
    private final PurchaseStore store;
    private final ApprovalStore approvals;
    private final Ledger ledger;
    private final Organizations organizations;
    private final Countries countries;
    private final FundraisingProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final FundraisingVersions versions;

    Purchases(Fundraisers fundraisers, PurchaseStore store, ApprovalStore approvals, Ledger ledger,
              Organizations organizations, Countries countries, FundraisingProperties properties, AuditLog audit,
              Clock clock, FundraisingVersions versions) {
        this.versions = versions;
        this.fundraisers = fundraisers;
        this.store = store;
        this.approvals = approvals;
        this.ledger = ledger;
        this.organizations = organizations;
        this.countries = countries;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<Purchase> find(long id) {
        return store.find(id);
    }

    public List<Purchase> latest(long fundraiserId, int limit) {
        return store.latest(fundraiserId, limit);
    }

    public List<Delivery> deliveries(long purchaseId) {
        return store.deliveries(purchaseId);
    }

    /** Whether the purchase's order is in the ledger and not reversed. */
    public boolean orderStands(long purchaseId) {
        return ledger.standing("purchase_id", purchaseId).stream()
                .anyMatch(tx -> ledger.find(tx).map(t -> t.kind() == TransactionKind.PURCHASE_ORDERED).orElse(false));
    }

    /** The purchase of a fundraiser, or a 400 with a clear message. */
    Purchase get(long fundraiserId, long purchaseId) {
        return store.find(purchaseId).filter(p -> p.fundraiserId() == fundraiserId)
                .orElseThrow(() -> new BadInputException("fundraising.error.noPurchase"));
    }

    /** Checks and records a purchase: posted at once, or waiting for a second treasurer above the four-eyes amount. */
    @Transactional
    Outcome record(long fundraiserId, Form form, StaffActor me) {
        Fundraiser fundraiser = fundraisers.get(fundraiserId);
        Fields fields = new Fields(LocalDate.now(clock));
        Long need = fields.id("need", form.need());
        if (need == null && !fields.has("need")) {
            fields.add("need", "required");
        } else if (need != null && fundraisers.need(need).filter(n -> n.fundraiserId() == fundraiserId).isEmpty()) {
            fields.add("need", "choice");
        }
        Long quantity = fields.quantity("quantity", form.quantity());
        String currency = fields.currency("currency", form.currency());
        Money total = fields.money("total", form.total(), currency, true);
        String description = fields.text("description", form.description(), DESCRIPTION, false);
        Named supplier = organization(fields, "supplier", form.supplierName(), form.supplierCountry());
        Named intermediary = organization(fields, "intermediary", form.intermediaryName(), form.intermediaryCountry());
        LocalDate orderedOn = fields.date("orderedOn", form.orderedOn(), true);
        ExchangeRate rate = currency == null || currency.equals(fundraiser.baseCurrency()) ? null
                : fields.rate(currency, fundraiser.baseCurrency(), form.rate(), form.rateOn(), form.rateSource());
        Money base = total;
        if (rate != null && total != null) {
            try {
                base = rate.convert(total);
            } catch (MoneyException e) {
                fields.add("rate", e.suffix(), e.arguments().toArray());
            }
        }
        fields.done();
        boolean pending = properties.needsSecondTreasurer(base);
        var purchase = new PurchaseStore.NewPurchase(need, quantity, total, base, rate,
                description == null ? "" : description, organizationId(supplier), Boolean.TRUE.equals(form.supplierWithheld()),
                organizationId(intermediary),
                Boolean.TRUE.equals(form.intermediaryWithheld()), orderedOn);
        long id = store.insert(fundraiserId, purchase,
                pending ? Purchase.Approval.PENDING : Purchase.Approval.APPROVED, me.id(), clock.instant());
        if (pending) {
            long approval = approvals.insert(fundraiserId, Approval.Kind.PURCHASE, id, null, null, base, me.id(),
                    clock.instant());
            audit.record("fundraising.purchase.awaitsApproval", "purchase", id, "approval " + approval + ", " + total
                    + (rate == null ? "" : " = " + base));
        } else {
            postOrdered(store.find(id).orElseThrow(), null);
        }
        return new Outcome(id, pending);
    }

    /** Posts an approved purchase as ordered: goods ordered (with the need and items) against owed to the supplier. */
    void postOrdered(Purchase p, @Nullable Long approvalId) {
        List<Ledger.Entry> entries = new ArrayList<>();
        entries.add(new Ledger.Entry(Account.GOODS_ORDERED, p.needId(), p.base(), p.quantity()));
        if (!p.total().currency().equals(p.base().currency())) {
            entries.add(Ledger.Entry.of(Account.EXCHANGE, p.base().negate()));
            entries.add(Ledger.Entry.of(Account.EXCHANGE, p.total()));
        }
        entries.add(Ledger.Entry.of(Account.PAYABLE, p.total().negate()));
        ledger.post(new Ledger.NewTransaction(p.fundraiserId(), TransactionKind.PURCHASE_ORDERED, p.orderedOn(),
                "purchase " + p.id() + " ordered", entries, p.rate(), null, p.id(), null, approvalId));
    }

    /** Moves an approved purchase to its next status on a day; paying it posts the payment. */
    @Transactional
    void advance(long fundraiserId, long purchaseId, @Nullable String status, @Nullable String on) {
        Purchase p = get(fundraiserId, purchaseId);
        Fields fields = new Fields(LocalDate.now(clock));
        Purchase.Status to = fields.choice("status", status, Purchase.Status.class, null);
        LocalDate day = fields.date("on", on, true);
        fields.done();
        if (p.approval() != Purchase.Approval.APPROVED) {
            throw new BadInputException("fundraising.error.notApproved");
        }
        if (!orderStands(p.id())) {
            throw new BadInputException("fundraising.error.purchaseCancelled");
        }
        if (to != p.status().next()) {
            throw new BadInputException("fundraising.error.statusOrder");
        }
        if (day.isBefore(p.on(p.status()))) {
            throw new BadInputException("fundraising.error.statusBeforePrevious");
        }
        versions.changed(fundraiserId);
        if (!store.advance(p.id(), p.status(), to, day)) {
            throw new BadInputException("fundraising.error.statusOrder");
        }
        if (to == Purchase.Status.PAID) {
            ledger.post(new Ledger.NewTransaction(fundraiserId, TransactionKind.PURCHASE_PAID, day,
                    "purchase " + p.id() + " paid", List.of(Ledger.Entry.of(Account.PAYABLE, p.total()),
                    Ledger.Entry.of(Account.FUNDS, p.total().negate())), null, null, p.id(), null, null));
        }
        audit.record("fundraising.purchase." + to.name().toLowerCase(Locale.ROOT), "purchase", p.id(), day.toString());
    }

    /** An organization named in a form: its name and country. */
    record Named(String name, String country) {
    }

    /** The organization a form names by name and country, checked; null when no name was given. */
    @Nullable Named organization(Fields fields, String prefix, @Nullable String name, @Nullable String country) {
        String clean = fields.name(prefix + "Name", name, Organizations.NAME_LIMIT, false);
        if (clean == null) {
            return null;
        }
        Optional<String> code = countries.normalize(country == null ? "" : country.strip());
        if (code.isEmpty()) {
            fields.add(prefix + "Country", "country");
            return null;
        }
        return new Named(clean, code.get());
    }

    /** The record of a checked organization, created (unverified) if new. */
    @Nullable Long organizationId(@Nullable Named named) {
        return named == null ? null : organizations.findOrCreate(named.name(), named.country(), null).id();
    }
}
