package org.solidarityhub.reports;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.solidarityhub.platform.RateLimits;
import org.solidarityhub.submissions.Guard;
import org.springframework.stereotype.Component;

/**
 * How many reports one IP address may send (both forms together): over the limit, refused with 429 before the
 * input is looked at ({@link Guard.Policy#refuse}); likewise the resumable uploads it may start. Addresses live only
 * in memory.
 */
@Component
class ReportGuard {

    static final String RATE_LIMITED = "reports.error.rateLimited";
    static final String UPLOADS_RATE_LIMITED = "reports.error.uploadsRateLimited";

    private final Guard guard;
    private final Guard.Policy policy;
    private final Guard.Policy uploads;

    ReportGuard(Guard guard, ReportsProperties properties) {
        this.guard = guard;
        this.policy = Guard.Policy.refuse(new RateLimits.Limit("reports.send",
                RateLimits.Limit.per(properties.sendsPer10Minutes(), Duration.ofMinutes(10))), RATE_LIMITED);
        this.uploads = Guard.Policy.refuse(new RateLimits.Limit("reports.upload",
                RateLimits.Limit.per(properties.uploadsPer10Minutes(), Duration.ofMinutes(10))), UPLOADS_RATE_LIMITED);
    }

    void check(HttpServletRequest request) {
        guard.check(policy, request.getRemoteAddr());
    }

    void count(HttpServletRequest request) {
        guard.count(policy, request.getRemoteAddr());
    }

    /** Before a resumable upload is started: refused with 429 over the limit, else counted. */
    void startUpload(HttpServletRequest request) {
        guard.check(uploads, request.getRemoteAddr());
        guard.count(uploads, request.getRemoteAddr());
    }
}
