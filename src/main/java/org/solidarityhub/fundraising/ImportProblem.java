package org.solidarityhub.fundraising;

import java.util.List;

/**
 * One entry of an import report: where (the line of a CSV file, the line of a camt.053 file where the entry starts,
 * 0 for the whole file) and what, as a message key with its arguments (never the raw value, which may name a person).
 */
record ImportProblem(int line, String messageKey, List<String> args) {

    static final int WHOLE_FILE = 0;

    ImportProblem {
        args = List.copyOf(args);
    }

    static ImportProblem at(int line, String messageKey, String... args) {
        return new ImportProblem(line, messageKey, List.of(args));
    }

    static ImportProblem file(String messageKey, String... args) {
        return at(WHOLE_FILE, messageKey, args);
    }
}
