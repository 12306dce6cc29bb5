package org.solidarityhub.fundraising;

/** What a ledger transaction records. */
public enum TransactionKind {
    DONATION, PURCHASE_ORDERED, PURCHASE_PAID, DELIVERY, REVERSAL
}
