package org.solidarityhub.fundraising;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One upload of a bank export and where it stands (table bank_import). */
record BankImport(long id, long fundraiserId, Format format, String fileSha256, long fileSize, @Nullable String encoding,
                  @Nullable String mapping, State state, Instant uploadedAt, @Nullable Instant importedAt,
                  int linesRead, int duplicates, int broken, int outgoing, int linesImported) {

    enum Format {
        CSV, CAMT053
    }

    /** UPLOADED: a CSV waiting for its column mapping; PREVIEWED: waits for the treasurer's confirmation. */
    enum State {
        UPLOADED, PREVIEWED, IMPORTED
    }

    /** One incoming payment of the preview; {@code duplicateOf} says why it is skipped (null: it will be imported). */
    record Line(long id, int line, java.time.LocalDate bookedOn, Money amount, String reference, String counterparty,
                String bankId, String dupKey, @Nullable String duplicateOf, @Nullable Long donationId) {
        public boolean isNew() {
            return duplicateOf == null;
        }
    }

    /** Why a line is skipped: an earlier import has it, the ledger has its bank id, or the file has it twice. */
    static final String DUPLICATE_IMPORT = "IMPORT";
    static final String DUPLICATE_LEDGER = "LEDGER";
    static final String DUPLICATE_FILE = "FILE";
}
