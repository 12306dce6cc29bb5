package org.solidarityhub.fundraising;

/**
 * The ledger accounts of every fundraiser (docs/fundraising.md). Debits are positive, credits negative.
 */
public enum Account {
    /** Income: credited by each donation (money or in kind), so minus its sum in the base currency is "raised". */
    DONATIONS,
    /** Money held, per currency: debited by donations, credited by payments to suppliers. */
    FUNDS,
    /** Goods given in kind, at their stated market value. */
    IN_KIND,
    /** The trading account of conversions: one leg in the foreign currency, one in the base currency. */
    EXCHANGE,
    /** Owed to suppliers: credited when a purchase is ordered, debited when it is paid. */
    PAYABLE,
    /** Goods ordered and not yet delivered, in the base currency, with their number of items. */
    GOODS_ORDERED,
    /** Goods handed over, in the base currency, with their number of items. */
    GOODS_DELIVERED
}
