package org.solidarityhub.events;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Tests of the submission form in a campaign of their own running for a week from today, with an event day inside it. */
abstract class RunningCampaignTest extends WebTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Events events;

    @Autowired
    EventStore store;

    String slug;
    LocalDate day;

    @BeforeEach
    void runningCampaign() {
        slug = EventsFixture.weekFromTodaySlug(context);
        day = LocalDate.ofInstant(applicationClock.instant(), ZoneOffset.UTC).plusDays(2);
        browser.from(uniqueIp());
    }

    /** A valid submission in Brussels on {@link #day}. */
    Map<String, Object> fields(String title, String email) {
        Map<String, Object> fields = new HashMap<>(EventsFixture.brussels(title, email));
        fields.put("start", day + "T13:00");
        fields.put("end", day + "T16:00");
        return fields;
    }

    /** The ids of the events with this title. */
    List<Long> eventsTitled(String title) {
        return db.sql("SELECT DISTINCT event_id FROM event_revision WHERE title = :title ORDER BY event_id")
                .param("title", title).query(Long.class).list();
    }
}
