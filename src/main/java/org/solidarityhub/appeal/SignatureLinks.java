package org.solidarityhub.appeal;

import org.solidarityhub.platform.ExpiredLinkException;
import org.solidarityhub.platform.Outbox;
import org.solidarityhub.submissions.EmailedLinks;
import org.solidarityhub.submissions.SubmissionLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the two emailed links of a signature do: confirm it (the link expires after the confirmation validity)
 * and withdraw it (valid as long as the signature). Pages behind them act only on POST. A link that does not
 * work, for whatever reason, is answered with {@link ExpiredLinkException}.
 */
@Service
class SignatureLinks {

    /** The subject type of a signature's links. */
    static final String SUBJECT = "signature";
    static final String CONFIRM = "CONFIRM";
    static final String WITHDRAW = "WITHDRAW";

    enum Confirmation { CONFIRMED, ALREADY_CONFIRMED }

    /** What confirming did, and to which signature. */
    record Confirmed(Confirmation outcome, AppealStore.LinkTarget signature) {
    }

    private final EmailedLinks links;
    private final AppealStore store;
    private final SubmissionLifecycle lifecycle;
    private final Outbox outbox;

    SignatureLinks(EmailedLinks links, AppealStore store, SubmissionLifecycle lifecycle, Outbox outbox) {
        this.links = links;
        this.store = store;
        this.lifecycle = lifecycle;
        this.outbox = outbox;
    }

    /** The signature behind a link of that purpose (for the GET page, which changes nothing). */
    AppealStore.LinkTarget target(String token, String purpose) {
        return store.linkTarget(links.subject(token, SUBJECT, purpose)).orElseThrow(ExpiredLinkException::new);
    }

    /** Confirms the signature behind a confirmation link (on POST: mail scanners that open links do not confirm). */
    @Transactional
    Confirmed confirm(String token) {
        AppealStore.LinkTarget signature = store.linkTarget(links.use(token, SUBJECT, CONFIRM))
                .orElseThrow(ExpiredLinkException::new);
        // writes this one row only: the counts are brought up to date by the batch job
        if (store.confirm(signature.signatureId())) {
            lifecycle.confirmed(SUBJECT, signature.signatureId());
            return new Confirmed(Confirmation.CONFIRMED, signature);
        }
        if ("CONFIRMED".equals(signature.status())) {
            return new Confirmed(Confirmation.ALREADY_CONFIRMED, signature);
        }
        throw new ExpiredLinkException();
    }

    /**
     * Withdraws the signature behind a withdrawal link: its personal data, its links and every mail to its
     * address in the outbox (queued or sent) are erased.
     */
    @Transactional
    AppealStore.LinkTarget withdraw(String token) {
        AppealStore.LinkTarget signature = store.linkTarget(links.use(token, SUBJECT, WITHDRAW))
                .orElseThrow(ExpiredLinkException::new);
        store.emailOfLiveSignature(signature.signatureId()).ifPresent(outbox::eraseMailTo);
        boolean withdrawn = store.withdraw(signature.signatureId());
        links.revokeAll(SUBJECT, signature.signatureId());
        if (!withdrawn) {
            throw new ExpiredLinkException();
        }
        return signature;
    }
}
