package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class DateTimesTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DateTimes EN_GB = DateTimes.of(Locale.forLanguageTag("en-GB"));
    private static final DateTimes EN_US = DateTimes.of(Locale.forLanguageTag("en-US"));
    private static final DateTimes UK = DateTimes.of(Locale.forLanguageTag("uk"));

    private static ZonedDateTime at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone);
    }

    /** CLDR puts a narrow no-break space before "PM" and "р."; the tests read it as a space. */
    private static String plain(String text) {
        return text == null ? null : text.replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    @Test
    void writesADateATimeAndBothInOneStylePerLanguage() {
        ZonedDateTime t = at("2027-02-25T17:30", BRUSSELS);
        assertThat(EN_GB.date(t)).isEqualTo("25 February 2027");
        assertThat(EN_GB.time(t)).isEqualTo("17:30");
        assertThat(EN_GB.dateTime(t)).isEqualTo("25 February 2027, 17:30");
        assertThat(EN_GB.day(t.toLocalDate())).isEqualTo("Thursday, 25 February 2027");

        assertThat(EN_US.date(t)).isEqualTo("February 25, 2027");
        assertThat(plain(EN_US.time(t))).isEqualTo("5:30 PM");
        assertThat(plain(EN_US.dateTime(t))).isEqualTo("February 25, 2027, 5:30 PM");

        assertThat(plain(UK.date(t))).isEqualTo("25 лютого 2027 р.");
        assertThat(UK.time(t)).isEqualTo("17:30");
        assertThat(plain(UK.dateTime(t))).isEqualTo("25 лютого 2027 р., 17:30");
        assertThat(plain(UK.day(t.toLocalDate()))).isEqualTo("четвер, 25 лютого 2027 р.");
    }

    @Test
    void aPageLanguageWithoutARegionIsWrittenTheWayItsRegionWritesIt() {
        assertThat(DateTimes.of(Locale.ENGLISH).tag()).isEqualTo("en-GB");
        assertThat(DateTimes.of(Locale.ENGLISH).time(at("2027-02-25T16:30", BRUSSELS))).isEqualTo("16:30");
        assertThat(DateTimes.of(Locale.forLanguageTag("uk")).tag()).isEqualTo("uk-UA");
        assertThat(DateTimes.of(Locale.forLanguageTag("en-US")).tag()).isEqualTo("en-US");
        assertThat(DateTimes.of(null).tag()).isEqualTo("en-GB");
        assertThat(DateTimes.of(Locale.ENGLISH)).isSameAs(DateTimes.of(Locale.ENGLISH));
    }

    @Test
    void aSpanOfDaysNamesTheYearOnceAndADayItsTimesOnce() {
        LocalDate from = LocalDate.of(2027, 2, 24);
        LocalDate to = LocalDate.of(2027, 3, 3);
        assertThat(EN_GB.dateRange(from, to)).isEqualTo("24 February – 3 March 2027");
        assertThat(EN_US.dateRange(from, to)).isEqualTo("February 24 – March 3, 2027");
        assertThat(plain(UK.dateRange(from, to))).isEqualTo("24 лютого – 3 березня 2027 р.");
        assertThat(EN_GB.dateRange(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 2))).isEqualTo("30 December 2026 – 2 January 2027");
        assertThat(EN_GB.dateRange(from, from)).isEqualTo("24 February 2027");

        assertThat(EN_GB.range(at("2027-02-25T13:00", BRUSSELS), at("2027-02-25T16:00", BRUSSELS)))
                .isEqualTo("25 February 2027, 13:00–16:00");
        assertThat(plain(EN_US.range(at("2027-02-25T13:00", BRUSSELS), at("2027-02-25T16:00", BRUSSELS))))
                .isEqualTo("February 25, 2027, 1:00 PM – 4:00 PM");
        assertThat(plain(UK.range(at("2027-02-25T13:00", BRUSSELS), at("2027-02-25T16:00", BRUSSELS))))
                .isEqualTo("25 лютого 2027 р., 13:00–16:00");
        assertThat(EN_GB.range(at("2027-02-26T10:00", BRUSSELS), at("2027-03-01T18:00", BRUSSELS)))
                .isEqualTo("26 February 2027, 10:00 – 1 March 2027, 18:00");
    }

    @Test
    void namesTheZoneInTheReadersLanguageWithItsOffsetThen() {
        assertThat(EN_GB.zone(at("2027-02-25T13:00", BRUSSELS))).isEqualTo("Central European Time (GMT+1)");
        assertThat(EN_GB.zone(at("2027-07-25T13:00", BRUSSELS))).isEqualTo("Central European Time (GMT+2)");
        assertThat(UK.zone(at("2027-02-25T13:00", ZoneId.of("Europe/Kyiv")))).isEqualTo("за східноєвропейським часом (GMT+2)");
        assertThat(EN_GB.zone(at("2027-02-25T13:00", NEW_YORK))).isEqualTo("Eastern Time (GMT-5)");
    }

    @Test
    void anEventDuringWhichTheClocksChangeShowsBothOffsets() {
        // Europe moves to summer time at 02:00 on 28 March 2027
        ZonedDateTime start = at("2027-03-27T22:00", BRUSSELS);
        ZonedDateTime end = at("2027-03-28T04:00", BRUSSELS);
        assertThat(EN_GB.zone(start, end)).isEqualTo("Central European Time (GMT+1 → GMT+2)");
        assertThat(EN_GB.range(start, end)).isEqualTo("27 March 2027, 22:00 – 28 March 2027, 04:00");
        // a time the clocks skip is moved on by the zone's rules, never shown as an impossible time
        assertThat(EN_GB.time(at("2027-03-28T02:30", BRUSSELS))).isEqualTo("03:30");
    }

    @Test
    void aReaderInAnotherZoneGetsTheTimesOfTheirOwnClocksAndNothingWhenTheyShowTheSame() {
        ZonedDateTime start = at("2027-02-25T13:00", BRUSSELS);
        ZonedDateTime end = at("2027-02-25T16:00", BRUSSELS);
        assertThat(EN_GB.inZone(start, end, NEW_YORK)).isEqualTo("25 February 2027, 07:00–10:00 Eastern Time (GMT-5)");
        assertThat(EN_GB.inZone(start, end, ZoneId.of("Europe/Paris"))).isNull();   // another zone, the same clocks
        assertThat(EN_GB.inZone(start, end, BRUSSELS)).isNull();
        assertThat(EN_GB.inZone(start, end, null)).isNull();                          // the reader's zone unknown
        // the USA moved its clocks on 14 March, Europe not yet: five hours apart instead of six
        assertThat(EN_GB.inZone(at("2027-03-20T18:00", BRUSSELS), at("2027-03-20T20:00", BRUSSELS), NEW_YORK))
                .isEqualTo("20 March 2027, 13:00–15:00 Eastern Time (GMT-4)");
        // a night in Kyiv is the evening before in New York
        ZoneId kyiv = ZoneId.of("Europe/Kyiv");
        assertThat(plain(UK.inZone(at("2027-02-25T01:00", kyiv), at("2027-02-25T03:00", kyiv), NEW_YORK)))
                .isEqualTo("24 лютого 2027 р., 18:00–20:00 за північноамериканським східним часом (GMT-5)");
    }

    @Test
    void nothingToWriteIsAnEmptyText() {
        assertThat(EN_GB.date(null)).isEmpty();
        assertThat(EN_GB.range((ZonedDateTime) null, null)).isEmpty();
        assertThat(EN_GB.dateRange(null, LocalDate.of(2027, 3, 3))).isEqualTo("3 March 2027");
    }
}
