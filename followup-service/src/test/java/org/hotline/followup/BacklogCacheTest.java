package org.hotline.followup;

import static org.hotline.followup.FollowupTestSupport.asSupervisor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.followup.FollowupTestSupport.awaitProcessed;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The backlog summary shared for {@code hotline.followup.backlog.max-age} (5 s here, to keep the test short; 15 s by
 * default), counted once for many concurrent polls, counted ahead in the background once half of max-age has passed,
 * and showing completions and new follow-ups within that staleness. Every answer must have been counted at most
 * max-age before its request was sent: that is the promise {@code asOf} makes.
 */
@QuarkusTest
@TestProfile(BacklogCacheTest.FiveSecondMaxAge.class)
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class BacklogCacheTest {

    private static final Duration MAX_AGE = Duration.ofSeconds(5);
    private static final String COUNTING = "hotline.followup.backlog.counting";

    /** A shared summary (the other test classes count on every request). */
    public static class FiveSecondMaxAge implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hotline.followup.backlog.max-age", "5s");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(HoldableClock.class);
        }
    }

    @Inject
    HoldableClock clock;

    @Inject
    MeterRegistry registry;

    @TestHTTPResource("/api/v1/followups/backlog")
    URL backlogUrl;

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();
    private final HttpClient http = HttpClient.newHttpClient();
    /** The dashboard's script polls with the staff token cookie its browser carries. */
    private final String tokenCookie = "hotline_access_token=" + TestTokens.agent();

    @BeforeEach
    void threeOpenFollowups() throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                Statement statement = c.createStatement()) {
            statement.executeUpdate("DELETE FROM followup.followup");
        }
        for (int i = 0; i < 3; i++) {
            insertOpen(Decisions.reference(ContactKind.TIP));
        }
    }

    @Test
    void requestsWithinMaxAgeShareOneCount() throws Exception {
        Answer first = awaitCountedAfter(Instant.now());
        double counted = countsSoFar();

        // The service's clock is held a quarter of max-age after that count, before half of it (when a poll would
        // count ahead), however long the ten polls take on this machine: real time let a loaded machine's polls run
        // past half of max-age and then past all of it.
        Instant withinHalfLife = first.asOf().plus(MAX_AGE.dividedBy(4));
        clock.hold(withinHalfLife);
        List<Answer> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                answers.add(get());
            }
        } finally {
            clock.release();
        }
        assertThat(answers).extracting(Answer::asOf).containsOnly(first.asOf());
        assertThat(answers).extracting(Answer::open).containsOnly(3L);
        assertThat(countsSoFar() - counted).isZero();
    }

    /**
     * Refresh ahead: a poll that finds the summary past half its max-age is answered with it at once and starts the
     * next count in the background; polls meanwhile do not wait for that count (held up here by a lock on the table)
     * and start no other; the next poll after it finished gets the new count.
     */
    @Test
    void aPollPastHalfOfMaxAgeIsAnsweredAtOnceAndCountsAhead() throws Exception {
        Answer first = awaitCountedAfter(Instant.now());
        // The service's clock is held past half of max-age after that count and short of all of it, so the polls below
        // are in that window however long this machine takes between them (real time let one arrive stale on a loaded
        // machine, and a stale poll waits for the locked count).
        Instant pastHalfLife = first.asOf().plus(MAX_AGE.multipliedBy(6).dividedBy(10));
        clock.hold(pastHalfLife);
        try {
            double counted = countsSoFar();
            try (Connection lock = EmbeddedPostgresServer.shared().adminDataSource().getConnection()) {
                lock.setAutoCommit(false);
                try (Statement statement = lock.createStatement()) {
                    statement.execute("LOCK TABLE followup.followup IN ACCESS EXCLUSIVE MODE");
                }
                // Answered although the count this poll starts cannot read the table: the lock is held until after
                // both answers, so a poll that waited for its count would never be answered.
                Answer starting = get();
                assertThat(starting.asOf()).isEqualTo(first.asOf());
                await().atMost(FollowupTestSupport.PATIENCE).pollInterval(Duration.ofMillis(50))
                        .until(() -> backlogQueriesWaiting() == 1);
                Answer meanwhile = get();
                assertThat(meanwhile.asOf()).isEqualTo(first.asOf());
                assertThat(backlogQueriesWaiting()).isEqualTo(1);
                lock.rollback();
            }
            // (Not awaitCountedAfter: its staleness check compares with real time, which the held clock is not.)
            Answer next = await().atMost(FollowupTestSupport.PATIENCE).pollInterval(Duration.ofMillis(200))
                    .until(this::get, answer -> answer.asOf().isAfter(first.asOf()));
            assertThat(next.asOf()).isEqualTo(pastHalfLife);
            assertThat(next.open()).isEqualTo(3);
            assertThat(countsSoFar() - counted).isEqualTo(1);
        } finally {
            clock.release();
        }
        // The count ahead is stamped with the held time: once real time has passed it, the next test starts as usual.
        await().atMost(MAX_AGE).pollInterval(Duration.ofMillis(50)).until(() -> Instant.now().isAfter(pastHalfLife));
    }

    @Test
    void aCompletionShowsWithinMaxAge() throws Exception {
        String reference = Decisions.reference(ContactKind.TIP);
        insertOpen(reference);
        Answer before = awaitCountedAfter(Instant.now());
        assertThat(before.open()).isEqualTo(4);

        Instant completing = Instant.now();
        asSupervisor().post("/api/v1/followups/" + reference + "/completion").then().statusCode(200);
        Instant completed = Instant.now();

        // Straight after, the shared count may still be the one from before the completion: it says so by its asOf.
        Answer soon = get();
        assertCountedWithinMaxAge(soon);
        if (soon.asOf().isBefore(completing.truncatedTo(ChronoUnit.MILLIS))) {
            assertThat(soon.open()).isEqualTo(4);
        }
        // The first count made after the completion has it.
        Answer after = awaitCountedAfter(completed);
        assertThat(after.open()).isEqualTo(3);
    }

    @Test
    void aScheduledFollowupShowsWithinMaxAge() throws Exception {
        Answer before = awaitCountedAfter(Instant.now());
        assertThat(before.open()).isEqualTo(3);

        String reference = Decisions.reference(ContactKind.TIP);
        UUID eventId = kafka.publishEvent(reference, Decisions.tip(reference, Channel.WEB_FORM,
                Instant.now().minus(Duration.ofMinutes(5)), Urgency.NON_URGENT, Handling.IN_HOURS));
        awaitProcessed(eventId);
        Instant scheduledBy = Instant.now();

        Answer after = awaitCountedAfter(scheduledBy);
        assertThat(after.open()).isEqualTo(4);
        assertThat(after.byCallType().get("TIP")).isEqualTo(4);
    }

    /**
     * Eight dashboards poll at once while the count they need is held up (the table is locked, as by a long
     * migration): only one of them queries the database, the others wait for its count and answer the same figures.
     */
    @Test
    void concurrentPollsOfAStaleSummaryShareOneRunningCount() throws Exception {
        // A fresh count and none running: no poll can have started one ahead.
        Answer last = awaitCountedAfter(Instant.now());
        assertThat(last.open()).isEqualTo(3);
        // Let the shared summary go stale, so the next poll must count.
        await().atMost(MAX_AGE.plusSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> Instant.now().isAfter(last.asOf().plus(MAX_AGE)));
        double counted = countsSoFar();
        int polls = 8;
        List<Future<Answer>> answers = new ArrayList<>();
        ExecutorService dashboards = Executors.newFixedThreadPool(polls);
        try (Connection lock = EmbeddedPostgresServer.shared().adminDataSource().getConnection()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE followup.followup IN ACCESS EXCLUSIVE MODE");
            }
            for (int i = 0; i < polls; i++) {
                answers.add(dashboards.submit(() -> get()));
            }
            // Every poll has reached the service, and exactly one backlog query waits for the lock.
            await().atMost(FollowupTestSupport.PATIENCE).pollInterval(Duration.ofMillis(100))
                    .until(() -> activeBacklogRequests() == polls && backlogQueriesWaiting() == 1);
            Thread.sleep(500);
            assertThat(backlogQueriesWaiting()).isEqualTo(1);
            lock.rollback();
        } finally {
            dashboards.shutdown();
        }

        List<Answer> results = new ArrayList<>();
        for (Future<Answer> answer : answers) {
            results.add(answer.get());
        }
        assertThat(results).extracting(Answer::asOf).containsOnly(results.get(0).asOf());
        assertThat(results).extracting(Answer::open).containsOnly(3L);
        assertThat(countsSoFar() - counted).isEqualTo(1);
    }

    /** One answer, and when its request was sent. */
    record Answer(Instant sentAt, Instant asOf, long open, Map<String, Integer> byCallType) {
    }

    /** One poll, as a dashboard sends it (java.net.http: several run at once). */
    private Answer get() throws Exception {
        return get(FollowupTestSupport.PATIENCE);
    }

    private Answer get(Duration timeout) throws Exception {
        Instant sentAt = Instant.now();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(backlogUrl.toURI()).timeout(timeout)
                .header("Accept", "application/json").header("Cookie", tokenCookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonPath body = JsonPath.from(response.body());
        return new Answer(sentAt, OffsetDateTime.parse(body.getString("asOf")).toInstant(), body.getLong("open"),
                body.getMap("byCallType"));
    }

    /** Polls as a dashboard would until an answer counted at or after {@code moment} arrives. */
    private Answer awaitCountedAfter(Instant moment) {
        Instant since = moment.truncatedTo(ChronoUnit.MILLIS);
        List<Answer> seen = new ArrayList<>();
        await().atMost(MAX_AGE.plus(FollowupTestSupport.PATIENCE)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Answer answer = get();
            assertCountedWithinMaxAge(answer);
            seen.add(answer);
            return !answer.asOf().isBefore(since);
        });
        return seen.get(seen.size() - 1);
    }

    /** The staleness promise: counted no more than max-age before the request was sent (asOf is whole ms). */
    private static void assertCountedWithinMaxAge(Answer answer) {
        assertThat(answer.asOf()).isAfterOrEqualTo(answer.sentAt().truncatedTo(ChronoUnit.MILLIS).minus(MAX_AGE));
    }

    private double countsSoFar() {
        return registry.get(COUNTING).timer().count();
    }

    /** Backlog requests in progress in the service, from its HTTP server metrics. */
    private long activeBacklogRequests() {
        return Math.round(registry.find("http.server.active.requests").gauges().stream()
                .mapToDouble(g -> g.value()).sum());
    }

    private static long backlogQueriesWaiting() throws SQLException {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement query = c.prepareStatement("""
                        SELECT count(*) FROM pg_stat_activity
                         WHERE wait_event_type = 'Lock' AND query LIKE '%GROUP BY call_type%'""");
                ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void insertOpen(String reference) throws SQLException {
        Instant start = Instant.now().minus(Duration.ofDays(1));
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO followup.followup (id, reference, call_type, channel, received_at, clock_starts_at,
                            target_at, breach_at, status)
                        VALUES (?, ?, 'TIP', 'WEB_FORM', ?, ?, ?, ?, 'OPEN')""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, reference);
            insert.setTimestamp(3, Timestamp.from(start));
            insert.setTimestamp(4, Timestamp.from(start));
            insert.setTimestamp(5, Timestamp.from(start.plus(Duration.ofDays(10))));
            insert.setTimestamp(6, Timestamp.from(start.plus(Duration.ofDays(12))));
            insert.executeUpdate();
        }
    }
}
