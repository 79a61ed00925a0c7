package org.hotline.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.hotline.contracts.events.ReferralIssued;
import org.hotline.contracts.vocabulary.ConsentBasis;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.testsupport.HotlineInfrastructure;
import org.hotline.testsupport.KafkaTestClient;
import org.hotline.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * A partner opens the contact details of its own referral (kept from routing's hotline.referral.issued) only where
 * the reporter's consent covers it; another organisation's referral is unknown to it; every read and every refused
 * attempt is audited.
 */
@QuarkusTest
@WithTestResource(value = HotlineInfrastructure.class, scope = TestResourceScope.GLOBAL)
class PartnerContactDetailsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final KafkaTestClient kafka = KafkaTestClient.forSharedBroker();

    @Test
    void aPartnerReadsTheDetailsOfItsOwnConsentedReferralAndTheReadIsAudited() throws Exception {
        UUID shelter = UUID.randomUUID();
        String reference = call(false, true);
        UUID referral = referred(reference, shelter, false, ConsentBasis.NOT_LAW_ENFORCEMENT);
        String path = "/api/v1/referrals/" + referral + "/contact";

        awaitKnown(path, TestTokens.partner(shelter));
        given().auth().oauth2(TestTokens.partner(shelter)).get(path).then().statusCode(200)
                .body("referralId", equalTo(referral.toString()))
                .body("reference", equalTo(reference))
                .body("consent", equalTo("CONSENT_TO_SHARE_WITH_PARTNERS"))
                .body("description", equalTo("CANARY-summary she sleeps at the restaurant"))
                .body("callback.phone", equalTo("831-555-0199"))
                .body("callback.permissionToCallBack", equalTo(true));

        // Another organisation: the same 404 as an unknown referral, and the attempt is on the trail.
        UUID other = UUID.randomUUID();
        given().auth().oauth2(TestTokens.partner(other)).get(path).then().statusCode(404)
                .contentType("application/problem+json").body(not(containsString("CANARY")));
        given().auth().oauth2(TestTokens.partner(shelter)).get("/api/v1/referrals/" + UUID.randomUUID() + "/contact")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.partner(shelter)).get("/api/v1/referrals/not-an-id/contact")
                .then().statusCode(404).contentType("application/problem+json");

        // The partner's reads (the awaiting ones included) and the other organisation's refused attempt.
        assertThat(IntakeDatabase.auditTrail(reference))
                .contains("partner-" + shelter + " referral.contact.view",
                        "partner-" + other + " referral.contact.refused")
                .allMatch(line -> line.startsWith("test-agent ") || line.endsWith(" referral.contact.view")
                        || line.equals("partner-" + other + " referral.contact.refused"));
    }

    @Test
    void withoutTheReportersConsentThePartnerGetsOnlyTheMinimumItAlreadyHas() throws Exception {
        UUID shelter = UUID.randomUUID();
        String reference = call(false, false);
        UUID referral = referred(reference, shelter, false, ConsentBasis.NOT_LAW_ENFORCEMENT);
        String path = "/api/v1/referrals/" + referral + "/contact";

        awaitKnown(path, TestTokens.partner(shelter));
        given().auth().oauth2(TestTokens.partner(shelter)).get(path).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("/no-consent"))
                .body(not(containsString("CANARY")));
        assertThat(IntakeDatabase.auditTrail(reference)).contains("partner-" + shelter + " referral.contact.refused")
                .doesNotContain("partner-" + shelter + " referral.contact.view");
    }

    @Test
    void aLawEnforcementPartnerNeedsTheReportersOwnConsentNotAnOverride() throws Exception {
        UUID taskForce = UUID.randomUUID();
        // Consent to law enforcement, none to the other partners: the task force reads, on the reporter's consent.
        String consented = call(true, false);
        UUID consentedReferral = referred(consented, taskForce, true, ConsentBasis.REPORTER_CONSENT);
        String consentedPath = "/api/v1/referrals/" + consentedReferral + "/contact";
        awaitKnown(consentedPath, TestTokens.partner(taskForce));
        given().auth().oauth2(TestTokens.partner(taskForce)).get(consentedPath).then().statusCode(200)
                .body("consent", equalTo("REPORTER_CONSENT"))
                .body("description", equalTo("CANARY-summary she sleeps at the restaurant"));

        // Referred because someone is in imminent danger, without consent (even with consent to share with the
        // service providers): the override lets routing refer, it never opens the reporter's words.
        String overridden = call(false, true);
        UUID overriddenReferral = referred(overridden, taskForce, true, ConsentBasis.IMMINENT_DANGER);
        String overriddenPath = "/api/v1/referrals/" + overriddenReferral + "/contact";
        awaitKnown(overriddenPath, TestTokens.partner(taskForce));
        given().auth().oauth2(TestTokens.partner(taskForce)).get(overriddenPath).then().statusCode(403)
                .body("type", endsWith("/no-consent"));
    }

    @Test
    void theSameReferralIssuedTwiceIsKeptOnce() throws Exception {
        UUID shelter = UUID.randomUUID();
        String reference = call(false, true);
        UUID referral = UUID.randomUUID();
        kafka.publishEventTwice(shelter.toString(), issued(referral, reference, shelter, false,
                ConsentBasis.NOT_LAW_ENFORCEMENT));
        awaitKnown("/api/v1/referrals/" + referral + "/contact", TestTokens.partner(shelter));
        assertThat(IntakeDatabase.strings("SELECT count(*)::text FROM intake.contact_referral WHERE reference = ?",
                reference)).containsExactly("1");
    }

    /** Logs a call with a summary and a callback, with the given consents. */
    private static String call(boolean toLawEnforcement, boolean toPartners) {
        return given().auth().oauth2(TestTokens.agent()).contentType(ContentType.JSON).body("""
                {"callType": "CRISIS", "summary": "CANARY-summary she sleeps at the restaurant",
                 "consentToLawEnforcement": %s, "consentToShareWithPartners": %s,
                 "callback": {"name": "Ana", "phone": "831-555-0199", "permissionToCallBack": true}}"""
                .formatted(toLawEnforcement, toPartners))
                .post("/api/v1/calls").then().statusCode(201).extract().path("reference");
    }

    private UUID referred(String reference, UUID organization, boolean lawEnforcement, ConsentBasis basis) {
        UUID referral = UUID.randomUUID();
        kafka.publishEvent(organization.toString(), issued(referral, reference, organization, lawEnforcement, basis));
        return referral;
    }

    private static ReferralIssued issued(UUID referral, String reference, UUID organization, boolean lawEnforcement,
            ConsentBasis basis) {
        return new ReferralIssued(referral, reference, organization, "Test partner", Need.EMERGENCY_SHELTER,
                Urgency.URGENT, lawEnforcement, basis, false, Set.of(), null, Instant.now());
    }

    /** Until intake has consumed the referral, it is unknown (404) to everyone. */
    private static void awaitKnown(String path, String partnerToken) {
        Awaitility.await().atMost(PATIENCE).until(() -> given().auth().oauth2(partnerToken).get(path)
                .statusCode() != 404);
    }
}
