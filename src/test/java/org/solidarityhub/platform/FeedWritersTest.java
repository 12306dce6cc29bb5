package org.solidarityhub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The shared feed writers, apart from any feature (the events feeds test them through HTTP). */
class FeedWritersTest {

    @Test
    void atomDropsCharactersThatXmlCannotCarry() {
        assertThat(AtomWriter.clean("a\u0000b\u0007c\uFFFEd")).isEqualTo("abcd");
    }

    @Test
    void atomEscapesMarkupOfEveryEntry() {
        Instant time = Instant.parse("2027-02-24T10:00:00Z");
        String feed = AtomWriter.write(new AtomWriter.Feed("tag:hub.test,2026:news", "News <b>", "http://hub.test/news.atom",
                        "http://hub.test/news", "en", time),
                List.of(new AtomWriter.Entry("tag:hub.test,2026:news-1", "A & B", "http://hub.test/news/1", time, time,
                        "summary", "<p>body</p>", "NEWS", "News")));

        assertThat(feed).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">")
                .contains("<title>News &lt;b&gt;</title>", "<title>A &amp; B</title>", "<content type=\"html\">&lt;p&gt;body&lt;/p&gt;</content>")
                .contains("<updated>2027-02-24T10:00:00Z</updated>");
    }

    @Test
    void iCalendarNamesTheFeatureInItsProductIdAndEscapesText() {
        String calendar = ICalendarWriter.write("News", "A; B", List.of(new ICalendarWriter.Entry("n-1@hub.test", "Talk, then walk",
                        null, null, ZoneId.of("Europe/Kyiv"), LocalDateTime.parse("2027-02-24T18:00"),
                        LocalDateTime.parse("2027-02-24T20:00"), null, null, null, null, false, null)),
                Instant.parse("2027-02-20T00:00:00Z"));

        assertThat(calendar).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Solidarity Hub//News//EN\r\n")
                .contains("X-WR-CALNAME:A\\; B\r\n", "SUMMARY:Talk\\, then walk\r\n", "DTSTART;TZID=Europe/Kyiv:20270224T180000\r\n",
                        "BEGIN:VTIMEZONE\r\nTZID:Europe/Kyiv\r\n")
                .endsWith("END:VCALENDAR\r\n");
    }
}
