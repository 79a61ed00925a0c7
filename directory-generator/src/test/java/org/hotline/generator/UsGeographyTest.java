package org.hotline.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class UsGeographyTest {

    final UsGeography geography = UsGeography.get();
    final Map<String, County> byKey = geography.counties().stream()
            .collect(Collectors.toMap(County::areaKey, Function.identity()));

    @Test
    void holdsEveryCountyOfTheFiftyStatesDcAndPuertoRicoOnce() {
        // 3,143 counties and equivalents in the 50 states and DC (Census 2020), 78 municipios in Puerto Rico.
        assertThat(geography.counties()).hasSize(3_143 + 78);
        assertThat(byKey).hasSize(geography.counties().size());
        for (UsState state : UsState.values()) {
            assertThat(geography.counties(state)).as(state.name()).isNotEmpty();
        }
        assertThat(geography.counties(UsState.TX)).hasSize(254);
        assertThat(geography.counties(UsState.DC)).hasSize(1);
        assertThat(geography.counties(UsState.CA)).hasSize(58);
    }

    @Test
    void spellsCountiesAsTheDirectoryAndRoutingDo() {
        // The seed's Central Coast coalition and the services' own test data.
        assertThat(byKey).containsKeys("CA:Monterey", "CA:Santa Cruz", "CA:San Benito", "CA:San Luis Obispo",
                "CA:Santa Barbara", "NV:Washoe", "NV:Clark", "WY:Laramie");
        // Parishes, boroughs, independent cities (Baltimore city is not Baltimore County), municipios.
        assertThat(byKey).containsKeys("LA:Orleans", "AK:Anchorage", "AK:Juneau", "MD:Baltimore",
                "MD:Baltimore city", "VA:Richmond", "VA:Richmond city", "PR:San Juan", "DC:District of Columbia");
        assertThat(byKey.get("LA:Orleans").displayName()).isEqualTo("Orleans Parish");
        assertThat(byKey.get("MD:Baltimore city").displayName()).isEqualTo("Baltimore City");
        assertThat(byKey.get("CA:Santa Cruz").displayName()).isEqualTo("Santa Cruz County");
    }

    @Test
    void followsCountyChangesSince2010() {
        assertThat(byKey).containsKeys("SD:Oglala Lakota", "AK:Kusilvak", "AK:Chugach", "AK:Copper River")
                .doesNotContainKeys("SD:Shannon", "AK:Wade Hampton", "AK:Valdez-Cordova", "VA:Bedford city");
    }

    @Test
    void everyCountyHasARealZoneAndMultiZoneStatesAreSplitByCounty() {
        assertThat(geography.counties()).allMatch(c -> ZoneId.getAvailableZoneIds().contains(c.timeZone()));
        Map<String, String> expected = Map.ofEntries(
                Map.entry("CA:Monterey", "America/Los_Angeles"),
                Map.entry("FL:Escambia", "America/Chicago"),
                Map.entry("FL:Miami-Dade", "America/New_York"),
                Map.entry("TN:Shelby", "America/Chicago"),
                Map.entry("TN:Knox", "America/New_York"),
                Map.entry("KY:McCracken", "America/Chicago"),
                Map.entry("KY:Jefferson", "America/Kentucky/Louisville"),
                Map.entry("IN:Lake", "America/Chicago"),
                Map.entry("IN:Marion", "America/Indiana/Indianapolis"),
                Map.entry("TX:El Paso", "America/Denver"),
                Map.entry("TX:Harris", "America/Chicago"),
                Map.entry("AZ:Maricopa", "America/Phoenix"),
                Map.entry("ID:Kootenai", "America/Los_Angeles"),
                Map.entry("ID:Ada", "America/Boise"),
                Map.entry("ND:Stark", "America/Denver"),
                Map.entry("MI:Gogebic", "America/Menominee"),
                Map.entry("HI:Honolulu", "Pacific/Honolulu"),
                Map.entry("AK:Anchorage", "America/Anchorage"),
                Map.entry("PR:San Juan", "America/Puerto_Rico"));
        expected.forEach((county, zone) -> assertThat(byKey.get(county).timeZone()).as(county).isEqualTo(zone));
    }

    @Test
    void stateWideZonesAreWhereMostPeopleLive() {
        assertThat(geography.timeZone(UsState.CA)).isEqualTo("America/Los_Angeles");
        assertThat(geography.timeZone(UsState.TX)).isEqualTo("America/Chicago");
        assertThat(geography.timeZone(UsState.FL)).isEqualTo("America/New_York");
        assertThat(geography.timeZone(UsState.AZ)).isEqualTo("America/Phoenix");
        assertThat(geography.timeZone(UsState.ID)).isEqualTo("America/Boise");
        assertThat(geography.timeZone(UsState.DC)).isEqualTo("America/New_York");
    }

    @Test
    void countiesHaveZipCodesAndMostHaveAPlaceName() {
        assertThat(geography.counties()).allMatch(c -> c.postalCodes().stream().allMatch(z -> z.matches("\\d{5}")));
        assertThat(geography.counties().stream().filter(c -> c.postalCodes().isEmpty())).isEmpty();
        assertThat(geography.counties().stream().filter(c -> c.city().isEmpty()).count()).isLessThan(100);
        assertThat(byKey.get("CA:Monterey").postalCodes()).allMatch(z -> z.startsWith("93"));
        assertThat(byKey.get("CA:Monterey").city()).isEqualTo("Salinas");
    }
}
