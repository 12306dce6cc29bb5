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

    /**
     * A sample made unique to one test: its bank references ({@code BANKREF-}, {@code V08-}, {@code NtryRef}) and the currency
     * cells of a CSV get the tag, so that its lines are no duplicates of another test's (the keys of imported
     * lines are kept for good, and on PostgreSQL from one run to the next).
     */
    static byte[] unique(String name, String tag) {
        boolean cyrillic = name.contains("1251");
        java.nio.charset.Charset charset = java.nio.charset.Charset.forName(cyrillic ? "windows-1251" : "UTF-8");
        String text = new String(bytes(name), charset)
                .replace("BANKREF-", "BANKREF-" + tag + "-").replace("V08-0", "V08-" + tag + "-0")
                .replace("<NtryRef>", "<NtryRef>" + tag + "-")
                .replace(";UAH;", ";UAH;" + tag + " ").replace(";980;", ";980;" + tag + " ")
                .replace(";EUR;", ";EUR;" + tag + " ");
        return text.getBytes(charset);
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
