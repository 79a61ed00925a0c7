package org.hotline.routing;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.specification.RequestSpecification;
import org.hotline.testsupport.TestTokens;

/** Requests as the roles routing's endpoints admit (see {@code RoutingAuthorizationTest} for who may call what). */
final class Callers {

    private static final String AGENT = TestTokens.agent();
    private static final String SUPERVISOR = TestTokens.supervisor();
    private static final String ADMIN = TestTokens.admin();

    private Callers() {
    }

    /** A phone agent: reads decisions. */
    static RequestSpecification agent() {
        return given().auth().oauth2(AGENT);
    }

    /** A supervisor: decisions, and every partner's feed and acknowledgements. */
    static RequestSpecification supervisor() {
        return given().auth().oauth2(SUPERVISOR);
    }

    /** An administrator: the directory read model and its rebuild. */
    static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN);
    }

    /** A partner organisation: its own feed and acknowledgements only. */
    static RequestSpecification partner(UUID organizationId) {
        return given().auth().oauth2(TestTokens.partner(organizationId));
    }
}
