package org.solidarityhub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.solidarityhub.test.RunLog;

/**
 * Issue 8, finding 1: the log of the whole test run, read as it was written (see RunLog), holds no canary of the
 * log tests and no email address, whatever test or library wrote it. Runs after every other test class.
 */
class WholeRunLogTest {

    @Test
    void theLogOfTheWholeRunHoldsNoPersonalData() {
        assertThat(RunLog.installed()).as("the run's output was read from the start").isTrue();
        assertThat(RunLog.findings()).as("lines of the run's log with personal data").isEmpty();
    }
}
