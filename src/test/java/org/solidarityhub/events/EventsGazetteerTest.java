package org.solidarityhub.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class EventsGazetteerTest {

    private static final Gazetteer gazetteer = new Gazetteer();

    @Test
    void shipsTensOfThousandsOfCitiesInEveryCountry() {
        assertThat(gazetteer.size()).isGreaterThan(20_000);
        assertThat(gazetteer.zoneOf("VA")).contains(ZoneId.of("Europe/Vatican"));
    }

    @Test
    void resolvesBrusselsByItsEnglishNameWithACountryCode() {
        Gazetteer.City brussels = gazetteer.resolve("Brussels, BE").orElseThrow();
        assertThat(brussels.country()).isEqualTo("BE");
        assertThat(brussels.latitude()).isBetween(50.8, 50.9);
        assertThat(brussels.zone()).isEqualTo(ZoneId.of("Europe/Brussels"));
    }

    @Test
    void resolvesLocalNamesThroughTheAliasTable() {
        long brussels = gazetteer.resolve("Brussels, BE").orElseThrow().id();
        assertThat(gazetteer.resolve("Bruxelles").orElseThrow().id()).isEqualTo(brussels);
        assertThat(gazetteer.resolve("Brussel, BE").orElseThrow().id()).isEqualTo(brussels);
        long kyiv = gazetteer.resolve("Kyiv, UA").orElseThrow().id();
        assertThat(gazetteer.resolve("Kiev").orElseThrow().id()).isEqualTo(kyiv);
        assertThat(gazetteer.resolve("Київ").orElseThrow().id()).isEqualTo(kyiv);
        assertThat(gazetteer.resolve("  kyïv , ua ").orElseThrow().id()).isEqualTo(kyiv);
    }

    @Test
    void kyivIsInTheCurrentlyNamedZone() {
        assertThat(gazetteer.resolve("Kyiv, UA").orElseThrow().zone()).isEqualTo(ZoneId.of("Europe/Kyiv"));
    }

    @Test
    void theSameCityNameInTwoCountriesStaysTwoCities() {
        Gazetteer.City inEngland = gazetteer.find("Birmingham", "GB").orElseThrow();
        Gazetteer.City inAlabama = gazetteer.find("Birmingham", "US").orElseThrow();
        assertThat(inEngland.id()).isNotEqualTo(inAlabama.id());
        assertThat(inEngland.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(inAlabama.zone()).isEqualTo(ZoneId.of("America/Chicago"));
        // without a country the most populous one wins
        assertThat(gazetteer.resolve("Birmingham").orElseThrow().id()).isEqualTo(inEngland.id());
    }

    @Test
    void unknownPlacesAreNotGuessed() {
        assertThat(gazetteer.resolve("Nowhereville-on-Sea, BE")).isEmpty();
        assertThat(gazetteer.find("Brussels", "JP")).isEmpty();
        assertThat(gazetteer.resolve("")).isEmpty();
    }

    @Test
    void derivesTheTimeZoneFromCoordinatesOrTheCountry() {
        assertThat(gazetteer.zoneAt(40.7128, -74.0060, null)).contains(ZoneId.of("America/New_York"));
        assertThat(gazetteer.zoneAt(34.05, -118.24, "US")).contains(ZoneId.of("America/Los_Angeles"));
        assertThat(gazetteer.zoneAt(35.68, 139.69, null)).contains(ZoneId.of("Asia/Tokyo"));
        assertThat(gazetteer.zoneAt(null, null, "UA")).contains(ZoneId.of("Europe/Kyiv"));
        assertThat(gazetteer.zoneOf("US")).contains(ZoneId.of("America/New_York"));
        assertThat(gazetteer.zoneOf("ZZ")).isEmpty();
    }
}
