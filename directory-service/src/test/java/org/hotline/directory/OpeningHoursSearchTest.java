package org.hotline.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * {@code openAt}: evaluated on each service's own wall clock (IANA zone, daylight saving included), with overnight
 * spans, 24-hour services and closed dates. Reference dates: in 2026 the U.S. changes to daylight time on Sunday
 * 8 March and back on Sunday 1 November; 25 December 2026 is a Friday.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class OpeningHoursSearchTest {

    private static final String NATIONAL = "{\"national\": true}";

    @Test
    void weekdayHoursFollowTheServicesZoneAcrossDaylightSavingChanges() {
        String t = OrganizationSearchTest.token();
        String losAngeles = create(t, "Los Angeles", Organizations.weekdays("America/Los_Angeles", "09:00", "17:00"));

        // 16:30 UTC is 08:30 PST (closed) before the March change and 09:30 PDT (open) after it.
        assertThat(openAt(t, "2026-03-06T16:30:00Z")).isEmpty();
        assertThat(openAt(t, "2026-03-09T16:30:00Z")).containsExactly(losAngeles);
        // And back in November: 09:30 PDT on Friday 30 October, 08:30 PST on Monday 2 November.
        assertThat(openAt(t, "2026-10-30T16:30:00Z")).containsExactly(losAngeles);
        assertThat(openAt(t, "2026-11-02T16:30:00Z")).isEmpty();
        // Opening time is open, closing time is closed.
        assertThat(openAt(t, "2026-11-02T09:00:00-08:00")).containsExactly(losAngeles);
        assertThat(openAt(t, "2026-11-02T16:59:59-08:00")).containsExactly(losAngeles);
        assertThat(openAt(t, "2026-11-02T17:00:00-08:00")).isEmpty();
        // Saturday is closed whatever the hour.
        assertThat(openAt(t, "2026-11-07T12:00:00-08:00")).isEmpty();
    }

    @Test
    void onTheChangeoverNightsTheWallClockDecidesTheSkippedHourAndTheRepeatedOne() {
        String t = OrganizationSearchTest.token();
        String nights = create(t, "Sunday nights", Organizations.hours("America/New_York", false,
                "[{\"days\": [\"SUN\"], \"opens\": \"01:00\", \"closes\": \"03:00\"}]", "[]"));

        // Sunday 8 March 2026: 02:00 EST jumps to 03:00 EDT, so the span lasts one hour of real time.
        assertThat(openAt(t, "2026-03-08T06:30:00Z")).as("01:30 EST").containsExactly(nights);
        assertThat(openAt(t, "2026-03-08T06:59:59Z")).as("01:59:59 EST").containsExactly(nights);
        assertThat(openAt(t, "2026-03-08T07:00:00Z")).as("03:00 EDT: the clock skipped 02:00-03:00").isEmpty();
        // Sunday 1 November 2026: 02:00 EDT falls back to 01:00 EST, so 01:30 happens twice and both are open.
        assertThat(openAt(t, "2026-11-01T05:30:00Z")).as("01:30 EDT").containsExactly(nights);
        assertThat(openAt(t, "2026-11-01T06:30:00Z")).as("01:30 EST, an hour later").containsExactly(nights);
        assertThat(openAt(t, "2026-11-01T07:30:00Z")).as("02:30 EST").containsExactly(nights);
        assertThat(openAt(t, "2026-11-01T08:00:00Z")).as("03:00 EST").isEmpty();
        assertThat(openAt(t, "2026-11-01T04:59:59Z")).as("00:59:59 EDT").isEmpty();
    }

    @Test
    void theSameInstantIsOpenInOneZoneAndClosedInAnother() {
        String t = OrganizationSearchTest.token();
        String newYork = create(t, "New York", Organizations.weekdays("America/New_York", "09:00", "17:00"));
        String losAngeles = create(t, "Los Angeles", Organizations.weekdays("America/Los_Angeles", "09:00", "17:00"));
        String honolulu = create(t, "Honolulu", Organizations.weekdays("Pacific/Honolulu", "09:00", "17:00"));

        assertThat(openAt(t, "2026-11-24T15:00:00Z")).as("10:00 Eastern, 07:00 Pacific").containsExactly(newYork);
        assertThat(openAt(t, "2026-11-24T20:00:00Z")).as("15:00 Eastern, 12:00 Pacific, 10:00 Hawaii")
                .containsExactlyInAnyOrder(newYork, losAngeles, honolulu);
        assertThat(openAt(t, "2026-11-24T23:00:00Z")).as("18:00 Eastern, 15:00 Pacific, 13:00 Hawaii")
                .containsExactlyInAnyOrder(losAngeles, honolulu);
        assertThat(openAt(t, "2026-11-24T14:00:00-10:00")).as("with an offset: 14:00 in Honolulu")
                .containsExactlyInAnyOrder(losAngeles, honolulu);
    }

    @Test
    void overnightSpansRunIntoTheNextDayAndClosedDatesCancelTheSpanThatStartsOnThem() {
        String t = OrganizationSearchTest.token();
        String overnight = create(t, "Friday nights", Organizations.hours("America/Chicago", false,
                "[{\"days\": [\"FRI\"], \"opens\": \"22:00\", \"closes\": \"06:00\"}]", "[\"2026-12-25\"]"));

        assertThat(openAt(t, "2026-11-27T23:00:00-06:00")).as("Friday 23:00").containsExactly(overnight);
        assertThat(openAt(t, "2026-11-28T02:00:00-06:00")).as("Saturday 02:00").containsExactly(overnight);
        assertThat(openAt(t, "2026-11-28T06:00:00-06:00")).as("Saturday 06:00, closing").isEmpty();
        assertThat(openAt(t, "2026-11-27T21:59:00-06:00")).as("Friday 21:59").isEmpty();
        assertThat(openAt(t, "2026-11-26T23:00:00-06:00")).as("Thursday 23:00").isEmpty();
        assertThat(openAt(t, "2026-11-29T02:00:00-06:00")).as("Sunday 02:00").isEmpty();
        // Christmas Day is a Friday: that night's span does not run, on either side of midnight.
        assertThat(openAt(t, "2026-12-25T23:00:00-06:00")).isEmpty();
        assertThat(openAt(t, "2026-12-26T02:00:00-06:00")).isEmpty();
        assertThat(openAt(t, "2027-01-02T02:00:00-06:00")).as("the next Friday night runs").containsExactly(overnight);
    }

    @Test
    void aClosedSaturdayDoesNotCutShortTheSpanThatStartedOnFriday() {
        String t = OrganizationSearchTest.token();
        String overnight = create(t, "Friday nights", Organizations.hours("America/Chicago", false,
                "[{\"days\": [\"FRI\"], \"opens\": \"22:00\", \"closes\": \"06:00\"}]", "[\"2026-11-28\"]"));

        assertThat(openAt(t, "2026-11-28T02:00:00-06:00")).containsExactly(overnight);
    }

    @Test
    void twentyFourHourServicesCloseOnlyOnTheirClosedDatesInTheirOwnZone() {
        String t = OrganizationSearchTest.token();
        String always = create(t, "Always", Organizations.hours("America/New_York", true, "[]", "[\"2026-12-25\"]"));

        assertThat(openAt(t, "2026-12-24T22:00:00-05:00")).containsExactly(always);
        assertThat(openAt(t, "2026-12-25T03:00:00Z")).as("still 24 December in New York").containsExactly(always);
        assertThat(openAt(t, "2026-12-25T00:00:00-05:00")).isEmpty();
        assertThat(openAt(t, "2026-12-25T23:59:00-05:00")).isEmpty();
        assertThat(openAt(t, "2026-12-26T00:00:00-05:00")).containsExactly(always);
        assertThat(openAt(t, "2026-12-26T03:00:00+09:00")).as("13:00 on 25 December in New York").isEmpty();
    }

    @Test
    void equalOpeningAndClosingTimesAreAFullDayFromTheOpening() {
        String t = OrganizationSearchTest.token();
        String mondays = create(t, "Mondays", Organizations.hours("Europe/London", false,
                "[{\"days\": [\"MON\"], \"opens\": \"08:00\", \"closes\": \"08:00\"}]", "[]"));

        assertThat(openAt(t, "2026-11-23T08:00:00Z")).containsExactly(mondays);
        assertThat(openAt(t, "2026-11-24T07:59:00Z")).containsExactly(mondays);
        assertThat(openAt(t, "2026-11-24T08:00:00Z")).isEmpty();
        assertThat(openAt(t, "2026-11-23T07:59:00Z")).isEmpty();
    }

    @Test
    void theOpenServiceMustBeTheOneCoveringTheNeedAndThePlace() {
        String t = OrganizationSearchTest.token();
        String split = Organizations.create(Organizations.organization(t + " Split", "[]", "2026-11-01",
                Organizations.service("[\"LEGAL\"]", Organizations.hours("America/Denver", true, "[]", "[]"),
                        "{\"states\": [\"CO\"]}"),
                Organizations.service("[\"SHELTER\"]", Organizations.weekdays("America/Denver", "09:00", "17:00"),
                        "{\"states\": [\"CO\"]}")));
        String saturday = "2026-11-28T12:00:00-07:00";
        String tuesday = "2026-11-24T12:00:00-07:00";

        assertThat(search(t, "openAt=" + encode(saturday))).containsExactly(split);
        assertThat(search(t, "need=LEGAL&state=CO&openAt=" + encode(saturday))).containsExactly(split);
        assertThat(search(t, "need=SHELTER&state=CO&openAt=" + encode(saturday))).isEmpty();
        assertThat(search(t, "need=SHELTER&state=CO&openAt=" + encode(tuesday))).containsExactly(split);
        assertThat(search(t, "need=SHELTER&state=UT&openAt=" + encode(tuesday))).isEmpty();
    }

    @Test
    void aPlusSignSentUnencodedStillReadsAsAnOffset() {
        String t = OrganizationSearchTest.token();
        String tokyoHours = create(t, "Tokyo", Organizations.weekdays("Asia/Tokyo", "09:00", "17:00"));
        // "+09:00" arrives as " 09:00" when the client forgets to encode the '+'.
        assertThat(search(t, "openAt=2026-11-24T10:00:00+09:00")).containsExactly(tokyoHours);
    }

    private static String create(String token, String name, String hours) {
        return Organizations.create(Organizations.organization(token + " " + name, "[]", "2026-11-01",
                Organizations.service("[\"CASE_MANAGEMENT\"]", hours, NATIONAL)));
    }

    private static List<String> openAt(String token, String instant) {
        return search(token, "openAt=" + encode(instant));
    }

    private static List<String> search(String token, String query) {
        return Callers.agent().urlEncodingEnabled(false)
                .when().get("/api/v1/organizations?size=100&q=" + token + "&" + query)
                .then().statusCode(200)
                .extract().path("items.id");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
