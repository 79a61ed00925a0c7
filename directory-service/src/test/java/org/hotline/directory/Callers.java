package org.hotline.directory;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import org.hotline.testsupport.TestTokens;

/**
 * Requests as the roles the directory admits (see {@code DirectoryAuthorizationTest} for who may call what): staff
 * and partners read, administrators change the directory and run its commands.
 */
final class Callers {

    private static final String AGENT = TestTokens.agent();
    private static final String SUPERVISOR = TestTokens.forRole("supervisor");
    private static final String ADMIN = TestTokens.admin();

    private Callers() {
    }

    /** A phone agent: searches and reads organisations and the HSDS API. */
    static RequestSpecification agent() {
        return given().auth().oauth2(AGENT);
    }

    /** A supervisor: also reads which organisations are due for verification. */
    static RequestSpecification supervisor() {
        return given().auth().oauth2(SUPERVISOR);
    }

    /** An administrator: creates, replaces and deletes organisations, imports, re-publishes, generates. */
    static RequestSpecification admin() {
        return given().auth().oauth2(ADMIN);
    }
}
