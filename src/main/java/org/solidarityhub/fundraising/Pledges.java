package org.solidarityhub.fundraising;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.BadInputException;
import org.solidarityhub.platform.EmailAddresses;
import org.solidarityhub.platform.ExpiredLinkException;
import org.solidarityhub.submissions.EmailedLinks;
import org.solidarityhub.submissions.SubmissionLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pledges from the public (docs/fundraising.md, "Pledges"): checked field by field, stored unconfirmed with their
 * confirmation mail in one transaction, confirmed from the emailed link (then the pledger sees how to give and the
 * reference to write on the transfer), and matched by a treasurer to the donation when the money arrives, or
 * cancelled. Nothing here logs or audits an address.
 */
@Service
class Pledges {

    static final String SUBJECT = "pledge";
    static final String CONFIRM = "CONFIRM";
    static final int EMAIL = 254;
    /** Letters and digits that cannot be mistaken for one another when typed from a transfer's reference. */
    private static final char[] REFERENCE_CHARACTERS = "ABCDEFGHJKMNPQRSTVWXYZ23456789".toCharArray();

    /** The public form, as sent. */
    record Form(@Nullable String amount, @Nullable String currency, @Nullable String need, @Nullable String display,
                @Nullable String publicName, @Nullable String email) {
        static Form empty(String currency) {
            return new Form("", currency, "", "ANONYMOUS", "", "");
        }
    }

    /** How a treasurer records the money of a pledge: the donation's channel, day and, for another currency, rate. */
    record Receipt(@Nullable String channel, @Nullable String receivedOn, @Nullable String bankTransactionId,
                   @Nullable String rate, @Nullable String rateOn, @Nullable String rateSource) {
    }

    private final Fundraisers fundraisers;
    private final Donations donations;
    private final PledgeStore store;
    private final EmailedLinks links;
    private final SubmissionLifecycle lifecycle;
    private final PledgeMails mails;
    private final AuditLog audit;
    private final FundraisingProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Pledges(Fundraisers fundraisers, Donations donations, PledgeStore store, EmailedLinks links,
            SubmissionLifecycle lifecycle, PledgeMails mails, AuditLog audit, FundraisingProperties properties, Clock clock) {
        this.fundraisers = fundraisers;
        this.donations = donations;
        this.store = store;
        this.links = links;
        this.lifecycle = lifecycle;
        this.mails = mails;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Checks and stores a pledge with its confirmation mail; {@link FormProblems} (nothing written) when a field is wrong. */
    @Transactional
    long pledge(Fundraiser fundraiser, Form form, Locale language) {
        if (fundraiser.state() != Fundraiser.State.OPEN) {
            throw new BadInputException("fundraising.pledge.closed");
        }
        Fields fields = new Fields(LocalDate.now(clock));
        String currency = fields.currency("currency", form.currency());
        Money amount = fields.money("amount", form.amount(), currency, true);
        Long need = fields.id("need", form.need());
        if (need != null && fundraisers.need(need)
                .filter(n -> n.fundraiserId() == fundraiser.id() && n.state() == Need.State.OPEN).isEmpty()) {
            fields.add("need", "choice");
        }
        Donation.Display display = fields.choice("display", form.display(), Donation.Display.class, Donation.Display.ANONYMOUS);
        String name = fields.name("publicName", form.publicName(), Donations.PUBLIC_NAME,
                display != null && display != Donation.Display.ANONYMOUS);
        String email = fields.line("email", form.email(), EMAIL, true);
        if (email != null && !EmailAddresses.isValid(email)) {
            fields.add("email", "email");
        }
        fields.done();
        Instant now = clock.instant();
        long id = store.insert(new PledgeStore.NewPledge(fundraiser.id(), Objects.requireNonNull(amount), need,
                Objects.requireNonNull(display), display == Donation.Display.ANONYMOUS ? null : name,
                Objects.requireNonNull(email), language.getLanguage(), newReference(), now));
        String token = links.issue(SUBJECT, id, CONFIRM, now.plus(properties.pledgeConfirmation()));
        mails.confirmation(email, language, fundraiser, amount, token);
        audit.record("fundraising.pledged", SUBJECT, id, "fundraiser " + fundraiser.id());
        return id;
    }

    /** The pledge of a confirmation link (GET: shows it, changes nothing). */
    Pledge toConfirm(String token) {
        return store.find(links.subject(token, SUBJECT, CONFIRM)).orElseThrow(ExpiredLinkException::new);
    }

    /**
     * The pledger confirms from the emailed link: the pledge waits for its money. The link works again (to see how
     * to give) until it expires; confirming twice changes nothing.
     */
    @Transactional
    Pledge confirm(String token) {
        long id = links.subject(token, SUBJECT, CONFIRM);
        if (store.confirm(id, clock.instant())) {
            lifecycle.confirmed(SUBJECT, id);
            audit.record("fundraising.pledgeConfirmed", SUBJECT, id, null);
        }
        return store.find(id).orElseThrow(ExpiredLinkException::new);
    }

    List<Pledge> waiting(long fundraiserId, int limit) {
        return store.waiting(fundraiserId, limit);
    }

    List<Pledge> decided(long fundraiserId, int limit) {
        return store.decided(fundraiserId, limit);
    }

    /** What confirmed pledges promise and has not arrived yet, per currency. */
    List<Money> promised(long fundraiserId) {
        return store.waitingSums(fundraiserId);
    }

    /**
     * The money of a pledge arrived and was not recorded yet: records the donation as the pledger chose to appear,
     * earmarked as they chose, and matches the pledge to it, in one transaction; thanks the pledger, then forgets
     * their address.
     */
    @Transactional
    long receive(long fundraiserId, long pledgeId, Receipt receipt) {
        Pledge pledge = waitingPledge(fundraiserId, pledgeId);
        Fundraiser fundraiser = fundraisers.get(fundraiserId);
        Fields fields = new Fields(LocalDate.now(clock));
        Donation.Channel channel = fields.choice("channel", receipt.channel(), Donation.Channel.class, null);
        if (channel == Donation.Channel.IN_KIND) {
            fields.add("channel", "choice");
        }
        LocalDate on = fields.date("receivedOn", receipt.receivedOn(), true);
        String bankId = fields.line("bankTransactionId", receipt.bankTransactionId(), Donations.BANK_TRANSACTION_ID, false);
        ExchangeRate rate = pledge.amount().currency().equals(fundraiser.baseCurrency()) ? null
                : fields.rate(pledge.amount().currency(), fundraiser.baseCurrency(), receipt.rate(), receipt.rateOn(),
                receipt.rateSource());
        fields.done();
        long donation = donations.record(fundraiserId, new Donations.NewDonation(pledge.amount(), Objects.requireNonNull(on),
                Objects.requireNonNull(channel), null, pledge.display(), pledge.publicName(), openNeed(pledge),
                pledge.reference(), bankId, rate));
        matchTo(pledge, donation);
        return donation;
    }

    /** The money of a pledge is a donation recorded already (typed, or from a bank import): links them. */
    @Transactional
    void match(long fundraiserId, long pledgeId, @Nullable String donationText) {
        Pledge pledge = waitingPledge(fundraiserId, pledgeId);
        Fields fields = new Fields(LocalDate.now(clock));
        Long donationId = fields.id("donation", donationText);
        if (donationId == null && !fields.has("donation")) {
            fields.add("donation", "required");
        }
        fields.done();
        Donation donation = donations.find(Objects.requireNonNull(donationId))
                .filter(d -> d.fundraiserId() == fundraiserId)
                .orElseThrow(() -> new BadInputException("fundraising.pledge.noDonation"));
        if (store.donationMatched(donation.id())) {
            throw new BadInputException("fundraising.pledge.donationTaken");
        }
        matchTo(pledge, donation.id());
    }

    /** The pledger will not give, or cannot be matched: the pledge ends and the address goes. */
    @Transactional
    void cancel(long fundraiserId, long pledgeId) {
        Pledge pledge = waitingPledge(fundraiserId, pledgeId);
        if (!store.cancel(pledge.id(), clock.instant())) {
            throw new BadInputException("fundraising.pledge.decided");
        }
        audit.record("fundraising.pledgeCancelled", SUBJECT, pledge.id(), null);
    }

    private void matchTo(Pledge pledge, long donationId) {
        if (!store.match(pledge.id(), donationId, clock.instant())) {
            throw new BadInputException("fundraising.pledge.decided");
        }
        if (pledge.email() != null) {
            mails.received(pledge.email(), Locale.forLanguageTag(pledge.language()),
                    fundraisers.get(pledge.fundraiserId()), pledge.amount());
        }
        audit.record("fundraising.pledgeMatched", SUBJECT, pledge.id(), "donation " + donationId);
    }

    /** The earmark, if its need is still open (a met need takes no more money). */
    private @Nullable Long openNeed(Pledge pledge) {
        return pledge.needId() == null ? null : fundraisers.need(pledge.needId())
                .filter(n -> n.state() == Need.State.OPEN).map(Need::id).orElse(null);
    }

    private Pledge waitingPledge(long fundraiserId, long pledgeId) {
        Pledge pledge = store.find(pledgeId).filter(p -> p.fundraiserId() == fundraiserId)
                .orElseThrow(() -> new BadInputException("fundraising.pledge.none"));
        if (pledge.state() != Pledge.State.CONFIRMED) {
            throw new BadInputException("fundraising.pledge.decided");
        }
        return pledge;
    }

    /** "PL-" and six characters: 30^6 (about 729 million) references, drawn until one is free. */
    private String newReference() {
        while (true) {
            StringBuilder reference = new StringBuilder("PL-");
            for (int i = 0; i < 6; i++) {
                reference.append(REFERENCE_CHARACTERS[random.nextInt(REFERENCE_CHARACTERS.length)]);
            }
            if (!store.referenceTaken(reference.toString())) {
                return reference.toString();
            }
        }
    }
}
