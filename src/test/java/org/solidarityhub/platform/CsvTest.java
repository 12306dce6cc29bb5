package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void defusesSpreadsheetFormulas() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
        assertThat(Csv.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(Csv.cell("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(Csv.cell("\tcmd")).isEqualTo("\"'\tcmd\"");
        assertThat(Csv.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
    }

    @Test
    void keepsNumbersTheApplicationWritesAsNumbersButDefusesTheSameTextTyped() {
        assertThat(Csv.cell(new java.math.BigDecimal("-1234.50"))).isEqualTo("-1234.50");
        assertThat(Csv.cell(-7L)).isEqualTo("-7");
        assertThat(Csv.cell("-1234.50")).isEqualTo("\"'-1234.50\"");
    }

    @Test
    void quotesSeparatorsQuotesAndLineBreaks() {
        assertThat(Csv.row(Arrays.asList("Olena, K.", "say \"hi\"", "two\nlines", null, 5, true)))
                .isEqualTo("\"Olena, K.\",\"say \"\"hi\"\"\",\"two\nlines\",,5,true\r\n");
        assertThat(Csv.row(List.of("plain"))).isEqualTo("plain\r\n");
    }
}
