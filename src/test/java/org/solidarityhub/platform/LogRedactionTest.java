package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** What a log line keeps and loses (see PersonalDataLogFilter, and the canary tests for the whole path). */
class LogRedactionTest {

    @Test
    void removesAddressesQuotedValuesAndDatabaseDetails() {
        String line = "Batch entry 0 INSERT INTO signature (name, email) VALUES (('Olena Canary'), ('olena@example.org')) "
                + "was aborted: ERROR: duplicate key\n  Detail: Key (email)=(olena@example.org) already exists. "
                + "From 203.0.113.7 and 2001:db8::17, said \"Olena\" [Olena Canary]";

        String redacted = LogRedaction.redact(line);

        assertThat(redacted).doesNotContain("Olena").doesNotContain("olena").doesNotContain("203.0.113.7")
                .doesNotContain("2001:db8::17").contains("Batch entry 0 INSERT INTO signature");
    }

    @Test
    void keepsTheHostOfALinkTimesAndClassNames() {
        String line = "Create the first one at http://127.0.0.1:8080/staff/setup/abc at 21:40:46.123 (java.lang.IllegalStateException)";

        assertThat(LogRedaction.redact(line)).isEqualTo(line);
    }

    @Test
    void withholdsTheMessagesOfDriverAndMailExceptionsButNamesTheSqlState() {
        SQLException driver = new SQLException("ERROR: value 'olena@example.org' too long", "22001");

        assertThat(LogRedaction.message(driver.getClass().getName(), driver.getMessage(), driver))
                .isEqualTo(LogRedaction.WITHHELD + " SQLState 22001");
        assertThat(LogRedaction.message("jakarta.mail.SendFailedException", "Invalid Addresses: olena", null))
                .isEqualTo(LogRedaction.WITHHELD);
        assertThat(LogRedaction.message("java.lang.IllegalStateException", "pool closed", null)).isEqualTo("pool closed");
    }
}
