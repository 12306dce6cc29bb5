package org.solidarityhub.fundraising;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.BadInputException;
import org.springframework.core.io.InputStreamSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bank imports (docs/fundraising.md, "Bank imports"): upload a bank export, map a CSV's columns, preview what will
 * be imported (duplicates of earlier imports or of the ledger flagged and skipped, broken rows listed), and confirm:
 * every good line becomes an anonymous bank-transfer donation through {@link Donations}, all in one transaction,
 * so that a failure on any line leaves nothing of the import written.
 */
@Service
class BankImports {

    /** The largest bank export taken. */
    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    /** A preview: the import, its fundraiser, lines, report, and the currencies that need a rate. */
    record Preview(BankImport bankImport, Fundraiser fundraiser, List<BankImport.Line> lines, List<ImportProblem> broken,
                   List<ImportProblem> remarks, Set<String> foreignCurrencies, @Nullable Long sameFileImportedAs) {
        public long toImport() {
            return lines.stream().filter(BankImport.Line::isNew).count();
        }
    }

    /** The rate a treasurer typed for one foreign currency of an import. */
    record RateInput(@Nullable String rate, @Nullable String on, @Nullable String source) {
    }

    private final BankImportStore store;
    private final Fundraisers fundraisers;
    private final Donations donations;
    private final AuditLog audit;
    private final Clock clock;

    BankImports(BankImportStore store, Fundraisers fundraisers, Donations donations, AuditLog audit, Clock clock) {
        this.store = store;
        this.fundraisers = fundraisers;
        this.donations = donations;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Takes an upload for a fundraiser. A camt.053 statement (the file starts with {@code <}) is read at once; a CSV
     * waits for its column mapping. Refuses an empty or too large file ({@link ImportRefused}).
     */
    @Transactional
    long upload(long fundraiserId, long size, InputStreamSource file) {
        fundraisers.find(fundraiserId).orElseThrow(() -> new ImportRefused("fundraising.import.error.fundraiser"));
        if (size > MAX_FILE_BYTES) {
            throw new ImportRefused("fundraising.import.file.tooLarge", MAX_FILE_BYTES / (1024 * 1024));
        }
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length == 0) {
            throw new ImportRefused("fundraising.import.file.empty");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ImportRefused("fundraising.import.file.tooLarge", MAX_FILE_BYTES / (1024 * 1024));
        }
        BankImport.Format format = looksLikeXml(bytes) ? BankImport.Format.CAMT053 : BankImport.Format.CSV;
        long id = store.create(fundraiserId, format, DuplicateKeys.sha256(bytes), bytes, CurrentTreasurer.id(), clock.instant());
        if (format == BankImport.Format.CAMT053) {
            ParsedStatement statement = CamtStatementReader.read(bytes);
            store.savePreview(id, statement.encoding(), null, statement, duplicates(fundraiserId, statement));
        }
        audit.record("fundraising.import.uploaded", "bank_import", id, "format=" + format + " bytes=" + bytes.length);
        return id;
    }

    BankImport get(long id) {
        return store.find(id).orElseThrow(() -> new BadInputException("fundraising.import.error.unknown"));
    }

    /** The first rows of a CSV upload as read with an encoding and delimiter ({@code AUTO} for either). */
    CsvStatementReader.Sample sample(long id, String encoding, String delimiter) {
        return CsvStatementReader.sample(file(get(id)), encoding, delimiter);
    }

    /** The mapping of this import, else the one last used for the fundraiser's CSV imports, else the defaults. */
    CsvMapping suggestedMapping(long id) {
        BankImport upload = get(id);
        String mapping = upload.mapping() != null ? upload.mapping() : store.lastMapping(upload.fundraiserId()).orElse(null);
        return mapping == null ? CsvMapping.defaults() : CsvMapping.decode(mapping);
    }

    /** Reads a CSV upload with a mapping and keeps the preview; the mapping's problems (keys) when it cannot be used. */
    @Transactional
    List<String> map(long id, CsvMapping mapping) {
        BankImport upload = get(id);
        if (upload.format() != BankImport.Format.CSV || upload.state() == BankImport.State.IMPORTED) {
            throw new ImportRefused("fundraising.import.error.notPreviewed");
        }
        byte[] bytes = file(upload);
        CsvStatementReader.Sample sample = CsvStatementReader.sample(bytes, mapping.encoding(), mapping.delimiter());
        List<String> problems = mapping.problems(sample.columns());
        if (!problems.isEmpty()) {
            return problems;
        }
        ParsedStatement statement = CsvStatementReader.read(bytes, mapping);
        store.savePreview(id, statement.encoding(), mapping.encode(), statement, duplicates(upload.fundraiserId(), statement));
        return List.of();
    }

    Preview preview(long id) {
        BankImport upload = get(id);
        Fundraiser fundraiser = fundraisers.find(upload.fundraiserId()).orElseThrow();
        List<BankImport.Line> lines = store.lines(id);
        Set<String> foreign = new TreeSet<>();
        lines.stream().filter(BankImport.Line::isNew).map(l -> l.amount().currency())
                .filter(c -> !c.equals(fundraiser.baseCurrency())).forEach(foreign::add);
        return new Preview(upload, fundraiser, lines, store.problems(id, "BROKEN"), store.problems(id, "REMARK"), foreign,
                store.importedFile(upload.fileSha256(), id).orElse(null));
    }

    /**
     * Imports every new line of a preview as a donation, in one transaction. Refuses a missing or wrong rate for a
     * foreign currency before anything is written ({@link FormProblems}, one {@code Problems} field per currency);
     * when a line turns out to be imported meanwhile (another treasurer, another tab), the whole import is rolled
     * back and refused ({@code fundraising.import.error.changed}), to be previewed again.
     */
    @Transactional
    int confirm(long id, Map<String, RateInput> rateInputs) {
        Preview preview = preview(id);
        if (preview.bankImport().state() != BankImport.State.PREVIEWED) {
            throw new ImportRefused("fundraising.import.error.notPreviewed");
        }
        Map<String, ExchangeRate> rates = rates(preview, rateInputs);
        if (!store.startImport(id, CurrentTreasurer.id(), clock.instant())) {
            throw new ImportRefused("fundraising.import.error.notPreviewed");
        }
        int imported = 0;
        try {
            for (BankImport.Line line : preview.lines()) {
                if (!line.isNew()) {
                    continue;
                }
                long donation = donations.record(preview.fundraiser().id(), new Donations.NewDonation(line.amount(),
                        line.bookedOn(), Donation.Channel.BANK_TRANSFER, null, Donation.Display.ANONYMOUS, null, null,
                        clip(line.reference(), Donations.REFERENCE), clip(line.bankId(), Donations.BANK_TRANSACTION_ID),
                        rates.get(line.amount().currency())));
                store.lineImported(id, line, donation);
                imported++;
            }
        } catch (DataIntegrityViolationException e) {
            throw new ImportRefused("fundraising.import.error.changed");
        } catch (MoneyException e) {
            throw new ImportRefused(e.reasonKey(), e.arguments().toArray());
        } catch (BadInputException e) {
            throw new ImportRefused("fundraising.import.error.changed");
        }
        store.finishImport(id, imported);
        audit.record("fundraising.import.confirmed", "bank_import", id, "fundraiser=" + preview.fundraiser().id()
                + " imported=" + imported + " duplicates=" + preview.bankImport().duplicates()
                + " broken=" + preview.bankImport().broken());
        return imported;
    }

    List<BankImport> recent(int limit) {
        return store.recent(limit);
    }

    private Map<String, ExchangeRate> rates(Preview preview, Map<String, RateInput> inputs) {
        Map<String, ExchangeRate> rates = new LinkedHashMap<>();
        org.solidarityhub.submissions.Problems problems = new org.solidarityhub.submissions.Problems("fundraising");
        for (String currency : preview.foreignCurrencies()) {
            RateInput input = inputs.getOrDefault(currency, new RateInput("", "", ""));
            Fields fields = new Fields(java.time.LocalDate.now(clock));
            ExchangeRate rate = fields.rate(currency, preview.fundraiser().baseCurrency(), input.rate(), input.on(), input.source());
            fields.problems().all().forEach((field, problem) -> problems.add(field + currency, suffix(problem.key()),
                    problem.arguments().toArray()));
            if (rate != null) {
                rates.put(currency, rate);
            }
        }
        if (!problems.isEmpty()) {
            throw new FormProblems(problems);
        }
        return rates;
    }

    private static String suffix(String key) {
        return key.substring("fundraising.".length());
    }


    /** Why each line of a statement would be skipped: null (new), an earlier import, the ledger, or the file itself. */
    private List<@Nullable String> duplicates(long fundraiserId, ParsedStatement statement) {
        Set<String> imported = store.importedKeys(statement.lines().stream().map(StatementLine::duplicateKey).toList());
        Set<String> inFile = new HashSet<>();
        List<@Nullable String> reasons = new ArrayList<>();
        for (StatementLine line : statement.lines()) {
            String bankId = clip(line.bankId(), Donations.BANK_TRANSACTION_ID);
            if (imported.contains(line.duplicateKey())) {
                reasons.add(BankImport.DUPLICATE_IMPORT);
            } else if (bankId != null && donations.isDuplicate(fundraiserId, bankId)) {
                reasons.add(BankImport.DUPLICATE_LEDGER);
            } else if (!inFile.add(line.duplicateKey())) {
                reasons.add(BankImport.DUPLICATE_FILE);
            } else {
                reasons.add(null);
            }
        }
        return reasons;
    }

    private byte[] file(BankImport upload) {
        return store.file(upload.id()).orElseThrow(() -> new ImportRefused("fundraising.import.error.notPreviewed"));
    }

    private static boolean looksLikeXml(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 64); i++) {
            int b = bytes[i] & 0xff;
            if (b == '<') {
                return true;
            }
            if (!(b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b))) {
                return false;
            }
        }
        return false;
    }

    private static @Nullable String clip(String text, int max) {
        return text.isBlank() ? null : AuditLog.clip(text, max);
    }
}
