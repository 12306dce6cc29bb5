package org.solidarityhub.fundraising;

import java.time.LocalDate;

/**
 * One incoming payment read from a bank export: the line (or entry) it came from, its booking date, the amount in
 * minor units of its currency, the payment reference and the payer as the bank wrote them (cleaned, formulas
 * defused), the bank's own transaction id when the export has one, and the key that recognises it when it is
 * imported again ({@link DuplicateKeys}).
 */
record StatementLine(int line, LocalDate date, long minor, String currency, String reference, String counterparty,
                     String bankId, String duplicateKey) {
}
