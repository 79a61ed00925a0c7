package org.hotline.intake;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Per-client limits small enough to reach in a test, behind a proxy that forwards the client's address. Shared by
 * the tests of those limits so that Quarkus starts once for all of them (each distinct profile is a restart).
 */
public class SmallClientLimits implements QuarkusTestProfile {

    /** Submissions one client may make per window. */
    static final int SUBMISSIONS = 2;
    /** Wrong follow-up codes one client may try across references per window. */
    static final int CODE_FAILURES = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                "hotline.intake.submissions.per-client", String.valueOf(SUBMISSIONS),
                "hotline.intake.follow-up-code.max-failures-per-client", String.valueOf(CODE_FAILURES));
    }
}
