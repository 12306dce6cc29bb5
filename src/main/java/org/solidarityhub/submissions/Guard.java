package org.solidarityhub.submissions;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.solidarityhub.platform.RateLimits;
import org.springframework.stereotype.Component;

/**
 * What stands before every public form that takes a submission without an account: the honeypot (a field
 * people never see, named {@link #HONEYPOT}: a post that fills it is answered like a success and stores
 * nothing) and per-address limits, with the feature's declared choice of what happens over the limit.
 *
 * <p>A feature calls {@link #check} before it looks at the input (only {@link OverLimit#REFUSE} answers
 * there) and {@link #count} once a valid submission is about to be stored, which tells whether to flag it.
 * Addresses are counted by {@link RateLimits} (in memory, or hashed in the database), never written to a log.
 */
@Component
public class Guard {

    /** The name of the honeypot field in every submission form. */
    public static final String HONEYPOT = "homepage";

    /**
     * A feature's limit and what happens over it.
     *
     * @param limit      the bandwidths per address, passed in by the feature
     * @param overLimit  accept, flag or refuse
     * @param refusalKey the message of the 429 answer (with {@link OverLimit#REFUSE} only)
     */
    public record Policy(RateLimits.Limit limit, OverLimit overLimit, @Nullable String refusalKey) {

        public Policy {
            Objects.requireNonNull(limit);
            Objects.requireNonNull(overLimit);
            if ((overLimit == OverLimit.REFUSE) != (refusalKey != null)) {
                throw new IllegalArgumentException("a refusal, and only a refusal, needs the message of its 429 answer");
            }
        }

        /** Over the limit, submissions are taken as any other. */
        public static Policy accept(RateLimits.Limit limit) {
            return new Policy(limit, OverLimit.ACCEPT, null);
        }

        /** Over the limit, submissions are stored flagged, for a moderator. */
        public static Policy flag(RateLimits.Limit limit) {
            return new Policy(limit, OverLimit.FLAG, null);
        }

        /** Over the limit, submissions are refused with 429 and this message. */
        public static Policy refuse(RateLimits.Limit limit, String refusalKey) {
            return new Policy(limit, OverLimit.REFUSE, refusalKey);
        }
    }

    private final RateLimits rateLimits;

    Guard(RateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    /** Whether a form post filled the honeypot (a bot): answer like a success, store nothing. */
    public static boolean isBot(@Nullable String honeypot) {
        return honeypot != null && !honeypot.isBlank();
    }

    /** Before any checking: refuses with {@link TooManySubmissions} when the policy refuses and the address is over. */
    public void check(Policy policy, @Nullable String address) {
        if (policy.overLimit() == OverLimit.REFUSE && !rateLimits.wouldAllow(policy.limit(), key(address))) {
            throw new TooManySubmissions(Objects.requireNonNull(policy.refusalKey()));
        }
    }

    /**
     * Counts a valid submission about to be stored; true when it must be stored flagged (over the limit under
     * {@link OverLimit#FLAG}). Mistakes corrected in a form never count.
     */
    public boolean count(Policy policy, @Nullable String address) {
        boolean within = rateLimits.tryAcquire(policy.limit(), key(address));
        return !within && policy.overLimit() == OverLimit.FLAG;
    }

    private static String key(@Nullable String address) {
        return address == null ? "unknown" : address;
    }
}
