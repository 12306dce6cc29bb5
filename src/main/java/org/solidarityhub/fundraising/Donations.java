package org.solidarityhub.fundraising;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.BadInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records donations: the document and its ledger transaction together. Treasurers type them
 * ({@link #record(long, Form)}); a bank import calls {@link #record(long, NewDonation)} once per statement line,
 * all lines of an import in its one transaction.
 */
@Service
public class Donations {

    static final int IN_KIND_ITEM = 200;
    static final int PUBLIC_NAME = 120;
    static final int REFERENCE = 140;
    static final int BANK_TRANSACTION_ID = 140;

    /**
     * A donation to record, already checked field by field. {@code rate} converts the amount to the base currency
     * and is required exactly when the amount is in another currency. {@code bankTransactionId} is the bank's own
     * id of the statement line: a second donation with the same one is refused.
     */
    public record NewDonation(Money amount, LocalDate receivedOn, Donation.Channel channel, @Nullable String inKindItem,
                              Donation.Display display, @Nullable String publicName, @Nullable Long needId,
                              @Nullable String reference, @Nullable String bankTransactionId,
                              @Nullable ExchangeRate rate) {
    }

    /** A donation as a treasurer typed it. */
    record Form(@Nullable String amount, @Nullable String currency, @Nullable String receivedOn,
                @Nullable String channel, @Nullable String inKindItem, @Nullable String display,
                @Nullable String publicName, @Nullable String need, @Nullable String reference,
                @Nullable String bankTransactionId, @Nullable String rate, @Nullable String rateOn,
                @Nullable String rateSource) {
        static Form empty(String currency, LocalDate today) {
            return new Form("", currency, today.toString(), "BANK_TRANSFER", "", "ANONYMOUS", "", "", "", "", "",
                    today.toString(), "");
        }
    }

    private final Fundraisers fundraisers;
    private final DonationStore store;
    private final Ledger ledger;
    private final Clock clock;

    Donations(Fundraisers fundraisers, DonationStore store, Ledger ledger, Clock clock) {
        this.fundraisers = fundraisers;
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Whether a donation with this bank transaction id is recorded already (for an import's preview). */
    public boolean isDuplicate(long fundraiserId, String bankTransactionId) {
        return store.bankTransactionKnown(fundraiserId, bankTransactionId);
    }

    public List<Donation> latest(long fundraiserId, int limit, int offset) {
        return store.latest(fundraiserId, limit, offset);
    }

    /** Checks a typed donation and records it; {@link FormProblems} when a field is wrong, and nothing written. */
    @Transactional
    long record(long fundraiserId, Form form) {
        Fundraiser fundraiser = fundraisers.get(fundraiserId);
        Fields fields = new Fields(LocalDate.now(clock));
        String currency = fields.currency("currency", form.currency());
        Money amount = fields.money("amount", form.amount(), currency, true);
        LocalDate receivedOn = fields.date("receivedOn", form.receivedOn(), true);
        Donation.Channel channel = fields.choice("channel", form.channel(), Donation.Channel.class, null);
        String item = fields.line("inKindItem", form.inKindItem(), IN_KIND_ITEM, channel == Donation.Channel.IN_KIND);
        Donation.Display display = fields.choice("display", form.display(), Donation.Display.class,
                Donation.Display.ANONYMOUS);
        String name = fields.name("publicName", form.publicName(), PUBLIC_NAME,
                display != null && display != Donation.Display.ANONYMOUS);
        Long need = fields.id("need", form.need());
        if (need != null && fundraisers.need(need).filter(n -> n.fundraiserId() == fundraiserId).isEmpty()) {
            fields.add("need", "choice");
        }
        String reference = fields.line("reference", form.reference(), REFERENCE, false);
        String bankId = fields.line("bankTransactionId", form.bankTransactionId(), BANK_TRANSACTION_ID, false);
        if (bankId != null && store.bankTransactionKnown(fundraiserId, bankId)) {
            fields.add("bankTransactionId", "donation.duplicate");
        }
        ExchangeRate rate = currency == null || currency.equals(fundraiser.baseCurrency()) ? null
                : fields.rate(currency, fundraiser.baseCurrency(), form.rate(), form.rateOn(), form.rateSource());
        if (rate != null && amount != null) {
            try {
                rate.convert(amount);
            } catch (MoneyException e) {
                fields.add("rate", e.suffix(), e.arguments().toArray());
            }
        }
        fields.done();
        return record(fundraiserId, new NewDonation(amount, receivedOn, channel,
                channel == Donation.Channel.IN_KIND ? item : null, display, name, need, reference, bankId, rate));
    }

    /**
     * Records a donation and posts it: money in (FUNDS, or IN_KIND at its market value) against DONATIONS in the base
     * currency, through EXCHANGE when the currencies differ. Runs in the caller's transaction when there is one.
     */
    @Transactional
    public long record(long fundraiserId, NewDonation d) {
        Fundraiser fundraiser = fundraisers.get(fundraiserId);
        String base = fundraiser.baseCurrency();
        boolean foreign = !d.amount().currency().equals(base);
        if (!d.amount().isPositive()) {
            throw new MoneyException("fundraising.amount.zero");
        }
        if (foreign != (d.rate() != null)) {
            throw new MoneyException(foreign ? "fundraising.rate.required" : "fundraising.rate.sameCurrency");
        }
        if (d.needId() != null && fundraisers.need(d.needId()).filter(n -> n.fundraiserId() == fundraiserId).isEmpty()) {
            throw new BadInputException("fundraising.error.noNeed");
        }
        if (d.display() != Donation.Display.ANONYMOUS && (d.publicName() == null || d.publicName().isBlank())) {
            throw new BadInputException("fundraising.publicName.required");
        }
        if (d.bankTransactionId() != null && store.bankTransactionKnown(fundraiserId, d.bankTransactionId())) {
            throw new BadInputException("fundraising.donation.duplicate");
        }
        long id = store.insert(fundraiserId, d, CurrentTreasurer.id(), clock.instant());
        Account in = d.channel() == Donation.Channel.IN_KIND ? Account.IN_KIND : Account.FUNDS;
        List<Ledger.Entry> entries = new ArrayList<>();
        entries.add(Ledger.Entry.of(in, d.amount()));
        Money inBase = d.amount();
        if (foreign) {
            inBase = d.rate().convert(d.amount());
            entries.add(Ledger.Entry.of(Account.EXCHANGE, d.amount().negate()));
            entries.add(Ledger.Entry.of(Account.EXCHANGE, inBase));
        }
        entries.add(new Ledger.Entry(Account.DONATIONS, d.needId(), inBase.negate(), null));
        ledger.post(new Ledger.NewTransaction(fundraiserId, TransactionKind.DONATION, d.receivedOn(),
                "donation " + id, entries, d.rate(), id, null, null, null));
        return id;
    }
}
