package org.solidarityhub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.solidarityhub.platform.BadInputException;

/** Regions typed by staff: pixels or percent, one per line, refused with a key when unreadable or past the edge. */
class RegionTextTest {

    @Test
    void pixelsAndPercentOnePerLineBlankLinesLeftOut() {
        assertThat(RegionText.parse(" 10, 20 ,30,40\n\n12.5%,33.333%,50%,20%\r\n0%,0%,100%,100%", 800, 600)).containsExactly(
                new Region(10, 20, 30, 40), new Region(100, 199, 400, 121), new Region(0, 0, 800, 600));
        assertThat(RegionText.parse(null, 10, 10)).isEmpty();
        assertThat(RegionText.parse("  \n ", 10, 10)).isEmpty();
        assertThat(RegionText.format(List.of(new Region(1, 2, 3, 4), new Region(5, 6, 7, 8)))).isEqualTo("1,2,3,4\n5,6,7,8");
    }

    @Test
    void aRegionPastTheEdgeIsRefusedNotCutQuietly() {
        for (String outside : List.of("790,0,11,10", "0,590,10,11", "90%,0%,11%,5%", "0%,0%,101%,5%", "0%,0%,5%,200%")) {
            assertThatThrownBy(() -> RegionText.parse(outside, 800, 600)).as(outside)
                    .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("media.regions.outside"));
        }
        assertThat(RegionText.parse("790,590,10,10", 800, 600)).hasSize(1);
    }

    @Test
    void whatIsNotFourNumbersOrHasNoAreaIsRefused() {
        for (String bad : List.of("1,2,3", "1,2,3,4,5", "a,b,c,d", "-1,2,3,4", "1,2,0,4", "1%,2,3,4", "0%,0%,0%,5%",
                "99999999,1,1,1", "1.5,2,3,4")) {
            assertThatThrownBy(() -> RegionText.parse(bad, 800, 600)).as(bad)
                    .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("media.regions.format"));
        }
    }

    @Test
    void atMostAHundredRegionsAtOnce() {
        String hundred = "1,1,1,1\n".repeat(RegionText.MAX);
        assertThat(RegionText.parse(hundred, 10, 10)).hasSize(RegionText.MAX);
        assertThatThrownBy(() -> RegionText.parse(hundred + "1,1,1,1", 10, 10))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("media.regions.tooMany"));
    }
}
