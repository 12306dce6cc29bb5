package org.solidarityhub.fundraising;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.BadInputException;
import org.solidarityhub.platform.StaffActor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four eyes: a second treasurer, never the one who asked, approves (then it is posted) or rejects a purchase or a
 * correction that waits. Two treasurers deciding at once: the first decides, the second is told it was decided.
 */
@Service
class Approvals {

    private final ApprovalStore store;
    private final Purchases purchases;
    private final PurchaseStore purchaseStore;
    private final Corrections corrections;
    private final Ledger ledger;
    private final AuditLog audit;
    private final Clock clock;

    Approvals(ApprovalStore store, Purchases purchases, PurchaseStore purchaseStore, Corrections corrections,
              Ledger ledger, AuditLog audit, Clock clock) {
        this.store = store;
        this.purchases = purchases;
        this.purchaseStore = purchaseStore;
        this.corrections = corrections;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    List<Approval> pending(@Nullable Long fundraiserId) {
        return store.pending(fundraiserId);
    }

    /** Approves a waiting request and posts it; refused to the treasurer who asked. */
    @Transactional
    void approve(long fundraiserId, long approvalId, StaffActor me) {
        Approval approval = pendingOf(fundraiserId, approvalId, me);
        if (!store.decide(approvalId, Approval.State.APPROVED, me.id(), clock.instant())) {
            throw new BadInputException("fundraising.error.alreadyDecided");
        }
        if (approval.kind() == Approval.Kind.PURCHASE) {
            if (!purchaseStore.decide(approval.purchaseId(), Purchase.Approval.APPROVED)) {
                throw new BadInputException("fundraising.error.alreadyDecided");
            }
            purchases.postOrdered(purchaseStore.find(approval.purchaseId()).orElseThrow(), approvalId);
        } else {
            Ledger.Posted tx = ledger.find(approval.transactionId()).orElseThrow();
            corrections.reverse(tx, approval.reason() == null ? "" : approval.reason(), approvalId);
        }
        audit.record("fundraising.approval.approved", "approval", approvalId, approval.kind() + " "
                + (approval.kind() == Approval.Kind.PURCHASE ? "purchase " + approval.purchaseId()
                : "transaction " + approval.transactionId()) + ", asked by " + approval.requestedBy());
    }

    /** Rejects a waiting request (the one who asked may withdraw it): nothing is posted. */
    @Transactional
    void reject(long fundraiserId, long approvalId, StaffActor me) {
        Approval approval = store.find(approvalId).filter(a -> a.fundraiserId() == fundraiserId)
                .orElseThrow(() -> new BadInputException("fundraising.error.noApproval"));
        if (approval.state() != Approval.State.PENDING
                || !store.decide(approvalId, Approval.State.REJECTED, me.id(), clock.instant())) {
            throw new BadInputException("fundraising.error.alreadyDecided");
        }
        if (approval.kind() == Approval.Kind.PURCHASE) {
            purchaseStore.decide(approval.purchaseId(), Purchase.Approval.REJECTED);
        }
        audit.record("fundraising.approval.rejected", "approval", approvalId, approval.kind().name());
    }

    private Approval pendingOf(long fundraiserId, long approvalId, StaffActor me) {
        Approval approval = store.find(approvalId).filter(a -> a.fundraiserId() == fundraiserId)
                .orElseThrow(() -> new BadInputException("fundraising.error.noApproval"));
        if (approval.state() != Approval.State.PENDING) {
            throw new BadInputException("fundraising.error.alreadyDecided");
        }
        if (approval.requestedBy() == me.id()) {
            throw new BadInputException("fundraising.error.sameTreasurer");
        }
        return approval;
    }
}
