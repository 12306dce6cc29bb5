package org.solidarityhub.submissions;

/** Published when a moderator approved a submission (it is now public). Names the subject only. */
public record SubmissionApproved(String subjectType, long subjectId) {
}
