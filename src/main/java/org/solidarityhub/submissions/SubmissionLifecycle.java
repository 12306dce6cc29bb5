package org.solidarityhub.submissions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The steps every submission goes through, told to the rest of the application as past-tense events
 * (synchronous Spring application events: listeners run in the transaction of the step).
 */
@Component
public class SubmissionLifecycle {

    private final ApplicationEventPublisher events;

    SubmissionLifecycle(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** The submitter confirmed the submission from the emailed link. */
    public void confirmed(String subjectType, long subjectId) {
        events.publishEvent(new SubmissionConfirmed(subjectType, subjectId));
    }

    /** A moderator approved the submission. */
    public void approved(String subjectType, long subjectId) {
        events.publishEvent(new SubmissionApproved(subjectType, subjectId));
    }
}
