package org.solidarityhub.fundraising;

import java.util.List;

/**
 * What a bank export gave: its format ({@code CSV} or {@code CAMT053}), the encoding it was read in, the incoming
 * payments, the rows that could not be read (each with its line and a message key), remarks on rows that were read
 * (a formula defused) and how many outgoing payments were passed over. A problem of the whole file (line 0) comes
 * with no lines at all: nothing of a file that is cut off or unreadable is imported.
 */
record ParsedStatement(String format, String encoding, List<StatementLine> lines, List<ImportProblem> broken,
                       List<ImportProblem> remarks, int outgoingSkipped) {

    ParsedStatement {
        lines = List.copyOf(lines);
        broken = List.copyOf(broken);
        remarks = List.copyOf(remarks);
    }

    static ParsedStatement refused(String format, String encoding, ImportProblem problem) {
        return new ParsedStatement(format, encoding, List.of(), List.of(problem), List.of(), 0);
    }

    boolean refusedWhole() {
        return broken.stream().anyMatch(p -> p.line() == ImportProblem.WHOLE_FILE);
    }
}
