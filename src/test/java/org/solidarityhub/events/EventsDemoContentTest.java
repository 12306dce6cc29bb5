package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.solidarityhub.organizations.Organization;
import org.solidarityhub.test.WebTest;
import org.springframework.beans.factory.annotation.Autowired;

class EventsDemoContentTest extends WebTest {

    @Autowired
    DemoContent demo;

    @Autowired
    EventStore store;

    @Test
    void loadsTheSeedWeekOfActionAndTheBrusselsDemonstrationOnceOnly() {
        Campaign campaign = demo.load();
        long events = countEvents(campaign.id());
        demo.load();
        assertThat(countEvents(campaign.id())).isEqualTo(events).isEqualTo(DemoContent.DEMOS.size());

        assertThat(campaign.slug()).isEqualTo("week-of-action-2027");
        assertThat(campaign.startsOn()).isEqualTo(LocalDate.of(2027, 2, 24));
        assertThat(campaign.endsOn()).isEqualTo(LocalDate.of(2027, 3, 3));
        assertThat(campaign.name(Locale.ENGLISH)).isEqualTo("Global week of action 2027");
        assertThat(campaign.name(Locale.forLanguageTag("uk"))).isEqualTo("Глобальний тиждень дій 2027");

        StoredEvent brussels = store.find(store.idByDemoKey("brussels-2027").orElseThrow()).orElseThrow();
        assertThat(brussels.status()).isEqualTo(EventStatus.APPROVED);
        Draft draft = brussels.published().draft();
        assertThat(draft.type()).isEqualTo(EventType.DEMONSTRATION);
        assertThat(draft.startsLocal()).isEqualTo(LocalDateTime.of(2027, 2, 25, 13, 0));
        assertThat(draft.zone()).isEqualTo(ZoneId.of("Europe/Brussels"));
        assertThat(draft.start().getOffset().getTotalSeconds()).isEqualTo(3600);
        assertThat(draft.address()).contains("Koning Albert II Laan").contains("Boulevard d’Anvers");
        assertThat(draft.city()).isEqualTo("Brussels");
        assertThat(brussels.published().organizations()).extracting(Organization::name).containsExactly(
                "Promote Ukraine", "The Union of Ukrainian Women in Belgium", "European Network for Solidarity with Ukraine");
        assertThat(brussels.published().organizations()).allMatch(Organization::verified);

        // street art is published with the city only, and places without a time zone get the city's
        StoredEvent vilnius = store.find(store.idByDemoKey("vilnius-2027").orElseThrow()).orElseThrow();
        assertThat(vilnius.published().draft().visibility()).isEqualTo(Visibility.CITY);
        assertThat(vilnius.published().draft().zone()).isEqualTo(ZoneId.of("Europe/Vilnius"));
        StoredEvent tokyo = store.find(store.idByDemoKey("tokyo-2027").orElseThrow()).orElseThrow();
        assertThat(tokyo.published().draft().zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    /** The demo's own events of the campaign (other tests may submit events to the demo campaign through its forms). */
    private long countEvents(long campaignId) {
        return db.sql("SELECT COUNT(*) FROM event WHERE campaign_id = :id AND demo_key IS NOT NULL").param("id", campaignId)
                .query(Long.class).single();
    }
}
