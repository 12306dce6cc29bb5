package org.solidarityhub.fundraising;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The sample bank exports under src/test/resources/fundraising/imports. */
final class ImportFiles {

    private ImportFiles() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = ImportFiles.class.getResourceAsStream("/fundraising/imports/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapping of the sample files with one signed amount column: Date;Amount;Currency;Reference;Payer;Transaction id. */
    static CsvMapping signedMapping(String encoding) {
        return new CsvMapping(encoding, TextDecoding.AUTO, true, 1, "dd.MM.uuuu", CsvMapping.SIGNED, 2, null, null,
                "COMMA", 3, "", 4, 5, 6);
    }

    /** The mapping of the Ukrainian sample: date and time; credit; debit; currency; purpose; payer. */
    static CsvMapping ukrainianMapping(String encoding) {
        return new CsvMapping(encoding, TextDecoding.AUTO, true, 1, "dd.MM.uuuu", CsvMapping.SPLIT, null, 2, 3,
                "COMMA", 4, "", 5, 6, null);
    }
}
