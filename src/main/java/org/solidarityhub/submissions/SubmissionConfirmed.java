package org.solidarityhub.submissions;

/**
 * Published when the person behind a submission confirmed it from the emailed link. Names the subject only:
 * no personal data.
 */
public record SubmissionConfirmed(String subjectType, long subjectId) {
}
