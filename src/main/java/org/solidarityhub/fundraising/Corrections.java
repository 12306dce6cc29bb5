package org.solidarityhub.fundraising;

import java.time.Clock;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.BadInputException;
import org.solidarityhub.platform.StaffActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections: never an edit, always the reversal of a whole transaction (then the right one is recorded anew). A
 * correction above the four-eyes amount waits for a second treasurer ({@link Approvals}).
 */
@Service
class Corrections {

    static final int REASON = 500;

    private final Fundraisers fundraisers;
    private final Ledger ledger;
    private final ApprovalStore approvals;
    private final FundraisingProperties properties;
    private final Purchases purchases;
    private final PurchaseStore purchaseStore;
    private final AuditLog audit;
    private final Clock clock;

    Corrections(Fundraisers fundraisers, Ledger ledger, ApprovalStore approvals, FundraisingProperties properties,
                Purchases purchases, PurchaseStore purchaseStore, AuditLog audit, Clock clock) {
        this.purchaseStore = purchaseStore;
        this.fundraisers = fundraisers;
        this.ledger = ledger;
        this.approvals = approvals;
        this.properties = properties;
        this.purchases = purchases;
        this.audit = audit;
        this.clock = clock;
    }

    /** Asks for the reversal of a transaction of a fundraiser, with a reason: done at once, or waiting. */
    @Transactional
    Purchases.Outcome request(long fundraiserId, long transactionId, @Nullable String reason, StaffActor me) {
        Fundraiser fundraiser = fundraisers.get(fundraiserId);
        Fields fields = new Fields(LocalDate.now(clock));
        String why = fields.text("reason", reason, REASON, true);
        fields.done();
        Ledger.Posted tx = reversible(fundraiserId, transactionId);
        if (approvals.pendingReversal(transactionId)) {
            throw new BadInputException("fundraising.error.correctionWaits");
        }
        Money amount = amountInBase(tx, fundraiser.baseCurrency());
        if (amount == null || properties.needsSecondTreasurer(amount)) {
            long id = approvals.insert(fundraiserId, Approval.Kind.REVERSAL, null, transactionId, why,
                    amount == null ? Money.zero(fundraiser.baseCurrency()) : amount, me.id(), clock.instant());
            audit.record("fundraising.correction.awaitsApproval", "ledger_transaction", transactionId,
                    "approval " + id + ": " + why);
            return new Purchases.Outcome(id, true);
        }
        return new Purchases.Outcome(reverse(tx, why, null), false);
    }

    /**
     * Reverses a transaction now (checked again: it may have changed while a correction waited). A reversed payment
     * takes its purchase back to ordered, so that the payment can be recorded again.
     */
    long reverse(Ledger.Posted tx, String reason, @Nullable Long approvalId) {
        reversible(tx.fundraiserId(), tx.id());
        long reversal = ledger.reverse(tx.id(), LocalDate.now(clock), "correction of " + tx.id() + ": " + reason,
                approvalId);
        if (tx.kind() == TransactionKind.PURCHASE_PAID && tx.purchaseId() != null) {
            purchaseStore.backToOrdered(tx.purchaseId());
            audit.record("fundraising.purchase.ordered", "purchase", tx.purchaseId(), "payment reversed");
        }
        return reversal;
    }

    /**
     * The transaction, if it may be reversed: of this fundraiser, not a reversal, not reversed; a purchase's order
     * only once its payment and deliveries were reversed.
     */
    Ledger.Posted reversible(long fundraiserId, long transactionId) {
        Ledger.Posted tx = ledger.find(transactionId).filter(t -> t.fundraiserId() == fundraiserId)
                .orElseThrow(() -> new BadInputException("fundraising.error.noTransaction"));
        if (tx.kind() == TransactionKind.REVERSAL) {
            throw new BadInputException("fundraising.error.reverseReversal");
        }
        if (tx.reversedBy() != null) {
            throw new BadInputException("fundraising.error.alreadyReversed");
        }
        if (tx.kind() == TransactionKind.PURCHASE_ORDERED && tx.purchaseId() != null
                && ledger.standing("purchase_id", tx.purchaseId()).size() > 1) {
            throw new BadInputException("fundraising.error.reverseLaterFirst");
        }
        return tx;
    }

    /**
     * What a transaction moved, in the base currency: the sum of its debits in it; for a payment in another currency,
     * its purchase's total in the base currency. Null when it cannot be told (then a second treasurer decides).
     */
    @Nullable Money amountInBase(Ledger.Posted tx, String base) {
        long debits = tx.entries().stream().filter(e -> e.amount().currency().equals(base) && e.amount().minor() > 0)
                .mapToLong(e -> e.amount().minor()).sum();
        if (debits > 0) {
            return new Money(debits, base);
        }
        if (tx.purchaseId() != null) {
            return purchases.find(tx.purchaseId()).map(Purchase::base).orElse(null);
        }
        return null;
    }
}
