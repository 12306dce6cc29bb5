package org.solidarityhub.fundraising;

import java.math.BigInteger;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.BadInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what arrived from an approved purchase: the delivery and its ledger transaction, which moves the items
 * and their share of the purchase's value from GOODS_ORDERED to GOODS_DELIVERED.
 */
@Service
class Deliveries {

    static final int RECIPIENT = 200;
    static final int NOTE = 1000;

    /** A delivery as a treasurer typed it: the recipient is a unit named in text, or an organization (with a country). */
    record Form(@Nullable String quantity, @Nullable String recipientName, @Nullable String recipientCountry,
                @Nullable Boolean recipientHidden, @Nullable String deliveredOn, @Nullable String note) {
        static Form empty(LocalDate today) {
            return new Form("", "", "", false, today.toString(), "");
        }
    }

    private final Purchases purchases;
    private final PurchaseStore store;
    private final FundraisingFigures figures;
    private final Ledger ledger;
    private final AuditLog audit;
    private final Clock clock;

    Deliveries(Purchases purchases, PurchaseStore store, FundraisingFigures figures, Ledger ledger, AuditLog audit,
               Clock clock) {
        this.purchases = purchases;
        this.store = store;
        this.figures = figures;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    long record(long fundraiserId, long purchaseId, Form form) {
        Purchase p = purchases.get(fundraiserId, purchaseId);
        if (p.approval() != Purchase.Approval.APPROVED) {
            throw new BadInputException("fundraising.error.notApproved");
        }
        Fields fields = new Fields(LocalDate.now(clock));
        Long quantity = fields.quantity("quantity", form.quantity());
        String name = fields.name("recipientName", form.recipientName(), RECIPIENT, true);
        Purchases.Named organization = form.recipientCountry() == null || form.recipientCountry().isBlank() ? null
                : purchases.organization(fields, "recipient", form.recipientName(), form.recipientCountry());
        LocalDate on = fields.date("deliveredOn", form.deliveredOn(), true);
        if (on != null && on.isBefore(p.orderedOn())) {
            fields.add("deliveredOn", "date.beforeOrder");
        }
        String note = fields.text("note", form.note(), NOTE, false);
        store.lock(p.id());
        FundraisingFigures.Goods waiting = figures.goods(p.id(), Account.GOODS_ORDERED);
        if (quantity != null && quantity > waiting.items()) {
            fields.add("quantity", "delivery.tooMany", waiting.items());
        }
        fields.done();
        Long recipientId = purchases.organizationId(organization);
        long id = store.insertDelivery(p.id(), quantity, recipientId, recipientId == null ? name : null,
                Boolean.TRUE.equals(form.recipientHidden()), on, note, CurrentTreasurer.id(), clock.instant());
        long minor = share(waiting, quantity);
        Money value = new Money(minor, p.base().currency());
        ledger.post(new Ledger.NewTransaction(fundraiserId, TransactionKind.DELIVERY, on,
                "purchase " + p.id() + " delivery " + id,
                List.of(new Ledger.Entry(Account.GOODS_DELIVERED, p.needId(), value, quantity),
                        new Ledger.Entry(Account.GOODS_ORDERED, p.needId(), value.negate(), -quantity)),
                null, null, p.id(), id, null));
        audit.record("fundraising.delivery.recorded", "delivery", id, "purchase " + p.id() + ", " + quantity);
        return id;
    }

    /**
     * The value of {@code items} of the goods still waiting: their share of the value left, rounded down, so that the
     * last delivery takes exactly what is left and the purchase's value is delivered to the minor unit.
     */
    static long share(FundraisingFigures.Goods waiting, long items) {
        if (items == waiting.items()) {
            return waiting.minor();
        }
        return BigInteger.valueOf(waiting.minor()).multiply(BigInteger.valueOf(items))
                .divide(BigInteger.valueOf(waiting.items())).longValueExact();
    }
}
