package org.hotline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.hotline.local.SigningKeys;
import org.hotline.local.TokenMinter;

/**
 * Bearer tokens for tests, signed by a key pair made once per test JVM; {@link HotlineInfrastructure} points the
 * service under test at its public key set, so services verify these tokens exactly as they verify production ones.
 */
public final class TestTokens {

    private static final SigningKeys KEYS = createKeys();
    private static final Duration LIFETIME = Duration.ofHours(2);

    private TestTokens() {
    }

    public static String agent() {
        return forRole("agent");
    }

    public static String supervisor() {
        return forRole("supervisor");
    }

    public static String admin() {
        return forRole("admin");
    }

    /** A partner organisation's token, scoped to that organisation. */
    public static String partner(UUID organizationId) {
        return minter().mint("partner-" + organizationId, "partner", organizationId, LIFETIME);
    }

    /** A token for any role except partner (which needs an organisation). */
    public static String forRole(String role) {
        return minter().mint("test-" + role, role, null, LIFETIME);
    }

    /** The value for an {@code Authorization} header. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static String jwksLocation() {
        return KEYS.jwksLocation();
    }

    public static String issuer() {
        return SigningKeys.DEV_ISSUER;
    }

    private static TokenMinter minter() {
        return KEYS.minter();
    }

    private static SigningKeys createKeys() {
        try {
            Path folder = Files.createTempDirectory("hotline-test-keys");
            folder.toFile().deleteOnExit();
            return SigningKeys.loadOrCreate(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
