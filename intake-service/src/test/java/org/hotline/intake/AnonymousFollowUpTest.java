package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.hotline.contracts.CloudEventHeaders;
import org.hotline.contracts.Topics;
import org.hotline.intake.service.CodeFailurePurge;
import org.hotline.intake.service.KeyEncryptionKeys;
import org.hotline.testsupport.EmbeddedPostgresServer;
import org.hotline.testsupport.KafkaTestClient;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class AnonymousFollowUpTest {

    private static final String CODE_PATTERN = "[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}";

    @Inject
    FollowUpCodes codes;

    @Inject
    KeyEncryptionKeys keks;

    @Inject
    CodeFailurePurge failurePurge;

    @Test
    void anonymousReporterGetsACodeThatIsStoredOnlyAsAKeyedHashWithItsKeyId() throws Exception {
        JsonPath receipt = submit("{\"description\": \"seen at the motel\"}", null);
        String reference = receipt.getString("reference");
        String code = receipt.getString("followUpCode");
        assertThat(code).matches(CODE_PATTERN);

        StoredCode stored = storedCode(reference);
        assertThat(stored.keyId()).as("the current key-encryption key's id").isEqualTo("test-1");
        assertThat(stored.mac()).hasSize(32);
        assertThat(new String(stored.mac(), StandardCharsets.ISO_8859_1))
                .doesNotContain(code.replace("-", ""));
        assertThat(stored.legacyHash()).isNull();

        given().header("Follow-Up-Code", code).when().get("/api/v1/tips/" + reference + "/status")
                .then().statusCode(200)
                .body("reference", equalTo(reference))
                .body("status", equalTo("RECEIVED"));
        // Read out on the phone or typed by hand: case and dashes do not matter.
        given().header("Follow-Up-Code", code.toLowerCase().replace("-", " "))
                .when().get("/api/v1/tips/" + reference + "/status")
                .then().statusCode(200);
    }

    @Test
    void theReporterAddsInformationThatIsPublishedForRoutingWithoutItsText() throws Exception {
        JsonPath receipt = submit("{\"description\": \"first report\"}", null);
        String reference = receipt.getString("reference");

        String messageId = given().contentType(ContentType.JSON).header("Follow-Up-Code", receipt.getString("followUpCode"))
                .body("{\"message\": \"CANARY-text she said they took her passport\", \"indicators\": [\"IMMINENT_DANGER\"]}")
                .when().post("/api/v1/tips/" + reference + "/messages")
                .then().statusCode(202).extract().path("messageId");

        var events = KafkaTestClient.forSharedBroker().await(Topics.INTAKE_TIPS,
                r -> reference.equals(r.key()) && "hotline.tip.message-added".equals(
                        KafkaTestClient.header(r, CloudEventHeaders.TYPE)), 1, java.time.Duration.ofSeconds(20));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).value()).contains(messageId).contains("IMMINENT_DANGER").doesNotContain("CANARY");
        // The relay keeps a contact's events in order: the tip first, then what its reporter added.
        assertThat(KafkaTestClient.forSharedBroker().readAll(Topics.INTAKE_TIPS, r -> reference.equals(r.key())))
                .extracting(r -> KafkaTestClient.header(r, CloudEventHeaders.TYPE))
                .containsExactly("hotline.tip.received", "hotline.tip.message-added");
    }

    @Test
    void addingInformationNeedsTheRightCode() {
        String reference = submit("{\"description\": \"guarded\"}", null).getString("reference");
        given().contentType(ContentType.JSON).header("Follow-Up-Code", "00000-00000-00000-00000")
                .body("{\"message\": \"spoofed\"}")
                .when().post("/api/v1/tips/" + reference + "/messages")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).header("Follow-Up-Code", "00000-00000-00000-00000")
                .body("{\"indicators\": [\"NOT_AN_INDICATOR\"]}")
                .when().post("/api/v1/tips/" + reference + "/messages")
                .then().statusCode(400).body("violations[0].field", equalTo("indicators[0]"));
    }

    @Test
    void reportersWhoGaveTheirIdentityGetNoCode() {
        submit("""
                {"description": "x", "reporter": {"anonymous": false, "name": "A. Person", "phone": "555-010-0200"}}""",
                null).getString("reference");
        given().contentType(ContentType.JSON)
                .body("{\"description\": \"y\", \"reporter\": {\"anonymous\": false}}")
                .post("/api/v1/tips").then().statusCode(202).body("followUpCode", nullValue());
    }

    @Test
    void wrongCodesAndUnknownReferencesAnswerAlikeAndAreThrottled() {
        JsonPath receipt = submit("{\"description\": \"throttle me\"}", null);
        String reference = receipt.getString("reference");

        given().header("Follow-Up-Code", "00000-00000-00000-00000")
                .when().get("/api/v1/tips/TIP-NOSUCHTIP0/status")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No tip matches this reference and follow-up code"));
        for (int i = 0; i < 5; i++) {
            given().header("Follow-Up-Code", "00000-00000-00000-0000" + i)
                    .when().get("/api/v1/tips/" + reference + "/status")
                    .then().statusCode(404)
                    .body("detail", equalTo("No tip matches this reference and follow-up code"));
        }
        // Past the limit even the right code waits: guessing cannot go on.
        given().header("Follow-Up-Code", receipt.getString("followUpCode"))
                .when().get("/api/v1/tips/" + reference + "/status")
                .then().statusCode(429)
                .header("Retry-After", matchesPattern("\\d+"))
                .contentType("application/problem+json");
        given().when().get("/api/v1/tips/" + reference + "/status").then().statusCode(429);
    }

    @Test
    void aRetriedSubmissionGivesTheSameReferenceAndTheFirstCodeKeepsWorking() {
        String key = "form-" + UUID.randomUUID();
        JsonPath first = submit("{\"description\": \"retry\"}", key);
        JsonPath second = submit("{\"description\": \"retry\"}", key);
        assertThat(second.getString("reference")).isEqualTo(first.getString("reference"));
        assertThat(second.getString("status")).isEqualTo(first.getString("status"));
        assertThat(second.getString("followUpCode")).as("the code is shown once").isNull();
        given().header("Follow-Up-Code", first.getString("followUpCode"))
                .when().get("/api/v1/tips/" + first.getString("reference") + "/status")
                .then().statusCode(200);
    }

    @Test
    void anUnknownReferenceAWrongCodeAndATipWithoutCodeCostTheSameWork() throws Exception {
        String tip = submit("{\"description\": \"constant work\"}", null).getString("reference");
        String named = submit("""
                {"description": "named", "reporter": {"anonymous": false, "name": "A. Person"}}""", null)
                .getString("reference");
        String unknown = "TIP-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();

        FollowUpCodes.Work wrongCode = workOf(tip, "00000-00000-00000-00001");
        FollowUpCodes.Work unknownReference = workOf(unknown, "00000-00000-00000-00001");
        FollowUpCodes.Work noCodeOnTip = workOf(named, "00000-00000-00000-00001");
        FollowUpCodes.Work noCodeSent = workOf(unknown, null);

        assertThat(wrongCode).as("one key lookup and one HMAC, no bcrypt")
                .isEqualTo(new FollowUpCodes.Work(1, 1, 0));
        assertThat(unknownReference).isEqualTo(wrongCode);
        assertThat(noCodeOnTip).isEqualTo(wrongCode);
        assertThat(noCodeSent).isEqualTo(wrongCode);
        // And the same writes: one failure recorded for each reference.
        assertThat(failures(tip)).isEqualTo(1);
        assertThat(failures(unknown)).isEqualTo(2);
        assertThat(failures(named)).isEqualTo(1);
    }

    @Test
    void codesHashedUnderARotatedKeyStillOpenAndAreRehashedUnderTheCurrentOne() throws Exception {
        JsonPath receipt = submit("{\"description\": \"before the rotation\"}", null);
        String reference = receipt.getString("reference");
        String code = receipt.getString("followUpCode");
        // As it was stored while test-0 was the current key-encryption key.
        FollowUpCodes before = new FollowUpCodes(
                Map.of("test-0", keks.derive("test-0", FollowUpCodes.PURPOSE).orElseThrow()), "test-0",
                keks.derive("test-0", FollowUpCodes.FORM_PURPOSE).orElseThrow());
        FollowUpCodes.Hashed old = before.hash(reference, code);
        update("UPDATE intake.contact SET follow_up_code_key = ?, follow_up_code_mac = ? WHERE reference = ?",
                old.keyId(), old.mac(), reference);

        given().header("Follow-Up-Code", "00000-00000-00000-00000").when().get("/api/v1/tips/" + reference + "/status")
                .then().statusCode(404);
        assertThat(storedCode(reference).keyId()).isEqualTo("test-0");
        int underOldKey = codesUnder("test-0");
        assertThat(underOldKey).as("the admin view counts codes still under the old key").isPositive();
        given().header("Follow-Up-Code", code).when().get("/api/v1/tips/" + reference + "/status")
                .then().statusCode(200);
        assertThat(storedCode(reference).keyId()).isEqualTo("test-1");
        assertThat(codesUnder("test-0")).isEqualTo(underOldKey - 1);
        given().header("Follow-Up-Code", code).when().get("/api/v1/tips/" + reference + "/status")
                .then().statusCode(200);
    }

    @Test
    void aBcryptHashFromBeforeKeyedHashesStillOpensAndIsReplacedByAKeyedHash() throws Exception {
        JsonPath receipt = submit("{\"description\": \"from the bcrypt days\"}", null);
        String reference = receipt.getString("reference");
        String code = receipt.getString("followUpCode");
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        String bcrypt = OpenBSDBCrypt.generate(code.replace("-", "").toCharArray(), salt, 4);
        update("UPDATE intake.contact SET follow_up_code_mac = NULL, follow_up_code_key = NULL, "
                + "follow_up_code_hash = ? WHERE reference = ?", bcrypt, reference);

        FollowUpCodes.Work wrong = workOf(reference, "00000-00000-00000-00000");
        assertThat(wrong.bcryptChecks()).isEqualTo(1);
        assertThat(storedCode(reference).legacyHash()).isEqualTo(bcrypt);

        given().header("Follow-Up-Code", code).when().get("/api/v1/tips/" + reference + "/status")
                .then().statusCode(200);
        StoredCode upgraded = storedCode(reference);
        assertThat(upgraded.legacyHash()).isNull();
        assertThat(upgraded.keyId()).isEqualTo("test-1");
        FollowUpCodes.Work start = codes.work();
        given().header("Follow-Up-Code", code).when().get("/api/v1/tips/" + reference + "/status")
                .then().statusCode(200);
        assertThat(codes.work().minus(start).bcryptChecks()).as("no bcrypt once re-hashed").isZero();
    }

    @Test
    void wrongCodesPastTheWindowArePurged() throws Exception {
        String reference = "TIP-PURGE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        update("INSERT INTO intake.follow_up_code_failure (reference, failed_at) VALUES (?, now() - interval '1 day'),"
                + " (?, now() - interval '20 minutes'), (?, now())", reference, reference, reference);
        assertThat(failurePurge.purge()).isGreaterThanOrEqualTo(2);
        assertThat(failures(reference)).as("only the one inside the 15-minute window stays").isEqualTo(1);
    }

    private static int codesUnder(String keyId) {
        Integer count = given().auth().oauth2(TestTokens.admin())
                .when().get("/api/v1/admin/encryption").then().statusCode(200)
                .extract().path("followUpCodesByKey.'" + keyId + "'");
        return count == null ? 0 : count;
    }

    private FollowUpCodes.Work workOf(String reference, String code) {
        FollowUpCodes.Work start = codes.work();
        var request = given();
        if (code != null) {
            request.header("Follow-Up-Code", code);
        }
        request.when().get("/api/v1/tips/" + reference + "/status").then().statusCode(404)
                .body("detail", equalTo("No tip matches this reference and follow-up code"));
        return codes.work().minus(start);
    }

    private static long failures(String reference) throws Exception {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT count(*) FROM intake.follow_up_code_failure WHERE reference = ?")) {
            s.setString(1, reference);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(String sql, Object... parameters) throws Exception {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            assertThat(s.executeUpdate()).isPositive();
        }
    }

    private record StoredCode(String keyId, byte[] mac, String legacyHash) {
    }

    private static JsonPath submit(String body, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/tips").then().statusCode(202).extract().jsonPath();
    }

    private static StoredCode storedCode(String reference) throws Exception {
        try (Connection c = EmbeddedPostgresServer.shared().adminDataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT follow_up_code_key, follow_up_code_mac, "
                        + "follow_up_code_hash FROM intake.contact WHERE reference = ?")) {
            s.setString(1, reference);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new StoredCode(rs.getString(1), rs.getBytes(2), rs.getString(3));
            }
        }
    }
}
