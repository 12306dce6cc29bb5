package org.solidarityhub.fundraising;

import org.solidarityhub.submissions.Problems;

/** A treasurer's form that was not taken, with its problems field by field; nothing of it was written. */
class FormProblems extends RuntimeException {

    private final Problems problems;

    FormProblems(Problems problems) {
        super("form problems", null, false, false);
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }
}
