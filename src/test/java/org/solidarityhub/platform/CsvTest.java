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
    }

    @Test
    void quotesSeparatorsQuotesAndLineBreaks() {
        assertThat(Csv.row(Arrays.asList("Olena, K.", "say \"hi\"", "two\nlines", null, 5, true)))
                .isEqualTo("\"Olena, K.\",\"say \"\"hi\"\"\",\"two\nlines\",,5,true\r\n");
        assertThat(Csv.row(List.of("plain"))).isEqualTo("plain\r\n");
    }
}
