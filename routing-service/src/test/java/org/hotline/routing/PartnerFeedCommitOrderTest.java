package org.hotline.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.HotlineInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The partner feed follows commit order: a referral whose transaction commits after a later-stamped one's is still
 * delivered to a partner that polled in between, whichever of the two transactions wrote first. Two real transactions
 * on the database, interleaved by hand, and polls over HTTP with the cursor a partner keeps.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PartnerFeedCommitOrderTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aLaterStampedReferralCommittedFirstIsDeliveredAndTheEarlierOneIsNotSkipped() throws Exception {
        UUID organization = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID earlier = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        try (Connection laterTx = transaction(); Connection earlierTx = transaction()) {
            // The later-stamped referral's transaction writes first, the earlier-stamped one's after it.
            insert(laterTx, later, organization, now.plusSeconds(1));
            insert(earlierTx, earlier, organization, now);
            laterTx.commit();

            // The partner polls while the earlier-stamped referral's transaction is still open: it gets the later one.
            List<String> delivered = new ArrayList<>();
            String[] cursor = {null};
            await().atMost(PATIENCE).until(() -> {
                poll(organization, cursor, delivered);
                return delivered.contains(later.toString());
            });
            assertThat(delivered).containsExactly(later.toString());

            earlierTx.commit();
            await().atMost(PATIENCE).until(() -> {
                poll(organization, cursor, delivered);
                return delivered.contains(earlier.toString());
            });
            assertThat(delivered).as("each once, none skipped").containsExactly(later.toString(), earlier.toString());
        }
    }

    @Test
    void aReferralCommittedWhileAnOlderTransactionIsOpenWaitsForItInsteadOfOvertakingIt() throws Exception {
        UUID organization = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID earlier = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        try (Connection earlierTx = transaction(); Connection laterTx = transaction()) {
            insert(earlierTx, earlier, organization, now);
            insert(laterTx, later, organization, now.plusSeconds(1));
            laterTx.commit();

            // Committed, but behind a transaction that may still commit a referral before it: not served yet, so the
            // cursor cannot move past the earlier-stamped one.
            List<String> delivered = new ArrayList<>();
            String[] cursor = {null};
            poll(organization, cursor, delivered);
            assertThat(delivered).isEmpty();
            assertThat(cursor[0]).as("nothing served, no cursor").isNull();

            earlierTx.commit();
            await().atMost(PATIENCE).until(() -> {
                poll(organization, cursor, delivered);
                return delivered.size() == 2;
            });
            assertThat(delivered).containsExactly(earlier.toString(), later.toString());
        }
        List<String> again = new ArrayList<>();
        poll(organization, new String[] {null}, again);
        assertThat(again).as("from the start, both in the same order").containsExactly(earlier.toString(),
                later.toString());
    }

    /** One poll as a partner makes it: from its kept cursor, keeping the cursor the answer gives. */
    private static void poll(UUID organization, String[] cursor, List<String> delivered) {
        var request = Callers.supervisor().queryParam("limit", 50);
        if (cursor[0] != null) {
            request.queryParam("after", cursor[0]);
        }
        JsonPath page = request.get("/api/v1/partners/" + organization + "/referrals").then().statusCode(200)
                .extract().jsonPath();
        delivered.addAll(page.getList("items.referralId", String.class));
        cursor[0] = page.getString("nextCursor");
    }

    private static Connection transaction() throws Exception {
        Connection connection = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    /** A referral row as routing's deciding transaction writes it (the feed's order column left to its default). */
    private static void insert(Connection tx, UUID referralId, UUID organization, Instant issuedAt) throws Exception {
        try (PreparedStatement s = tx.prepareStatement("""
                INSERT INTO routing.referral (referral_id, reference, organization_id, organization_name, need,
                    urgency, law_enforcement, consent_basis, fallback, indicators, location, issued_at)
                VALUES (?, ?, ?, 'Commit Order Shelter', 'SHELTER', 'NON_URGENT', false, 'NOT_LAW_ENFORCEMENT',
                    false, '[]'::jsonb, NULL, ?)""")) {
            s.setObject(1, referralId);
            s.setString(2, "TIP-" + referralId.toString().substring(0, 10).toUpperCase());
            s.setObject(3, organization);
            s.setTimestamp(4, Timestamp.from(issuedAt));
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
