package org.solidarityhub.appeal;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.organizations.Organizations;
import org.solidarityhub.platform.AuditLog;
import org.solidarityhub.platform.EmailAddresses;
import org.solidarityhub.submissions.SubmissionLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What moderators do to signatures: verify or reject organizations, approve or reject comments, release
 * flagged signatures, search, and invalidate with a reason. Every decision is audited in the same
 * transaction; a decision taken already is not taken again.
 */
@Service
class SignatureModeration {

    static final int REASON_LIMIT = 300;

    /** A decision on one signature, as named in the URL of its button. */
    enum Decision {
        VERIFY("verify"), REJECT("reject"), APPROVE_COMMENT("approve-comment"), REJECT_COMMENT("reject-comment"),
        RELEASE("release");

        private final String path;

        Decision(String path) {
            this.path = path;
        }

        static Optional<Decision> of(String path) {
            for (Decision decision : values()) {
                if (decision.path.equals(path)) {
                    return Optional.of(decision);
                }
            }
            return Optional.empty();
        }
    }

    /** What waits for a moderator's decision on one appeal (at most {@link StaffSignatures#LIMIT} of each). */
    record Waiting(List<StaffSignatures.StaffView> organizations, List<StaffSignatures.StaffView> comments,
                   List<StaffSignatures.StaffView> flagged) {
    }

    /** The answer to a search: what was found, or the message key of what is wrong with the query. */
    record Search(List<StaffSignatures.StaffView> results, boolean searched, @Nullable String problem) {
    }

    /** How an invalidation went: how many signatures changed, or the message key of why none were tried. */
    record Invalidation(int changed, @Nullable String problem) {
    }

    private final StaffSignatures signatures;
    private final Organizations organizations;
    private final AuditLog audit;
    private final SignatureCounts counts;
    private final TransactionTemplate transaction;
    private final SubmissionLifecycle lifecycle;

    SignatureModeration(StaffSignatures signatures, Organizations organizations, AuditLog audit, SignatureCounts counts,
                        TransactionTemplate transaction, SubmissionLifecycle lifecycle) {
        this.lifecycle = lifecycle;
        this.signatures = signatures;
        this.organizations = organizations;
        this.audit = audit;
        this.counts = counts;
        this.transaction = transaction;
    }

    Waiting waiting(long appealId) {
        return new Waiting(signatures.organizationsToVerify(appealId), signatures.commentsToModerate(appealId),
                signatures.flagged(appealId));
    }

    /** Takes a decision on a signature of the appeal; false when there was nothing (more) to decide. */
    @Transactional
    boolean decide(long appealId, long id, Decision decision) {
        return switch (decision) {
            case VERIFY -> verifyOrganization(appealId, id);
            case REJECT -> rejectOrganization(appealId, id);
            case APPROVE_COMMENT -> moderateComment(appealId, id, true);
            case REJECT_COMMENT -> moderateComment(appealId, id, false);
            case RELEASE -> release(appealId, id);
        };
    }

    private boolean verifyOrganization(long appealId, long id) {
        Optional<StaffSignatures.StaffView> signature = organizationSignature(appealId, id);
        if (signature.isEmpty() || !signatures.review(id, "VERIFIED")) {
            return false;
        }
        organizations.verify(signature.get().organizationId());
        audit.record("appeal.organization-verified", "signature", id, "organization=" + signature.get().organizationId());
        // an organization's signature is public once verified: the moderator approved the submission
        lifecycle.approved(SignatureLinks.SUBJECT, id);
        return true;
    }

    private boolean rejectOrganization(long appealId, long id) {
        if (organizationSignature(appealId, id).isEmpty() || !signatures.review(id, "REJECTED")) {
            return false;
        }
        audit.record("appeal.organization-rejected", "signature", id, null);
        return true;
    }

    private Optional<StaffSignatures.StaffView> organizationSignature(long appealId, long id) {
        return signatures.find(appealId, id).filter(s -> "ORGANIZATION".equals(s.kind()));
    }

    private boolean moderateComment(long appealId, long id, boolean approve) {
        boolean changed = signatures.moderateComment(appealId, id, approve);
        if (changed) {
            audit.record(approve ? "appeal.comment-approved" : "appeal.comment-rejected", "signature", id, null);
        }
        return changed;
    }

    private boolean release(long appealId, long id) {
        boolean changed = signatures.release(appealId, id);
        if (changed) {
            audit.record("appeal.signature-released", "signature", id, null);
        }
        return changed;
    }

    /**
     * Signatures by exact email, email domain or IP address range; blank criteria are left out, and
     * nothing is searched when all are blank.
     */
    Search search(long appealId, String email, String domain, String ip) {
        if (email.isBlank() && domain.isBlank() && ip.isBlank()) {
            return new Search(List.of(), false, null);
        }
        if (!email.isBlank() && !EmailAddresses.isValid(email)) {
            return refused("appeal.error.email");
        }
        if (!domain.isBlank() && !domain.strip().matches("[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}")) {
            return refused("appeal.staff.error.domain");
        }
        IpAddresses.Range range = null;
        if (!ip.isBlank()) {
            range = IpAddresses.range(ip).orElse(null);
            if (range == null) {
                return refused("appeal.staff.error.ip");
            }
        }
        return new Search(signatures.search(appealId, email.isBlank() ? null : email.strip(),
                domain.isBlank() ? null : domain.strip(), range), true, null);
    }

    private static Search refused(String problem) {
        return new Search(List.of(), false, problem);
    }

    /**
     * Invalidates signatures of the appeal with a reason (audited one by one, in one transaction), at most
     * {@link StaffSignatures#LIMIT} at once, then recounts the appeal.
     */
    Invalidation invalidate(long appealId, @Nullable List<Long> ids, String reason) {
        String why = reason.strip();
        if (ids == null || ids.isEmpty()) {
            return new Invalidation(0, "appeal.staff.error.noneSelected");
        }
        if (why.isEmpty() || why.length() > REASON_LIMIT) {
            return new Invalidation(0, "appeal.staff.error.reason");
        }
        List<Long> chosen = List.copyOf(ids.subList(0, Math.min(ids.size(), StaffSignatures.LIMIT)));
        Integer changed = transaction.execute(status -> {
            int count = 0;
            for (long id : chosen) {
                if (signatures.invalidate(appealId, id, why)) {
                    audit.record("appeal.signature-invalidated", "signature", id, why);
                    count++;
                }
            }
            return count;
        });
        int invalidated = changed == null ? 0 : changed;
        if (invalidated > 0) {
            counts.recount(appealId);
        }
        return new Invalidation(invalidated, null);
    }
}
