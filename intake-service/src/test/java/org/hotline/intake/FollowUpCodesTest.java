package org.hotline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Follow-up codes and their keyed hashes, without a service around them. */
class FollowUpCodesTest {

    private static final String PATTERN = "[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}";

    private final FollowUpCodes codes = new FollowUpCodes(Map.of("k1", key(), "k2", key()), "k2", key());

    @Test
    void codesAreTwentyCrockfordCharactersAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String code = codes.issue();
            assertThat(code).matches(PATTERN);
            assertThat(seen.add(code)).isTrue();
        }
    }

    @Test
    void aHashIsBoundToItsReferenceAndKeyAndReadsTheCodeLeniently() {
        String code = codes.issue();
        FollowUpCodes.Hashed hashed = codes.hash("TIP-AAAAAAAAAA", code);
        assertThat(hashed.keyId()).isEqualTo("k2");
        assertThat(codes.matches("TIP-AAAAAAAAAA", "k2", hashed.mac(), code)).isTrue();
        assertThat(codes.matches("TIP-AAAAAAAAAA", "k2", hashed.mac(), code.toLowerCase().replace("-", " ")))
                .isTrue();
        assertThat(codes.matches("TIP-BBBBBBBBBB", "k2", hashed.mac(), code)).as("another tip").isFalse();
        assertThat(codes.matches("TIP-AAAAAAAAAA", "k1", hashed.mac(), code)).as("another key").isFalse();
        assertThat(codes.matches("TIP-AAAAAAAAAA", "gone", hashed.mac(), code)).as("a key not configured")
                .isFalse();
        assertThat(codes.matches("TIP-AAAAAAAAAA", null, null, code)).as("no hash at all").isFalse();
        assertThat(codes.matches("TIP-AAAAAAAAAA", "k2", hashed.mac(), null)).isFalse();
        assertThat(codes.matches("TIP-AAAAAAAAAA", "k2", hashed.mac(), code + "x".repeat(64))).isFalse();
    }

    @Test
    void aFormSubmissionsCodeComesBackForTheSameKeyAndCookieOnly() {
        String code = codes.issueFor("form:key-1", "cookie-1");
        assertThat(code).matches(PATTERN);
        assertThat(codes.issueFor("form:key-1", "cookie-1")).isEqualTo(code);
        assertThat(codes.issueFor("form:key-1", "cookie-2")).as("another browser").isNotEqualTo(code);
        assertThat(codes.issueFor("form:key-2", "cookie-1")).as("another rendering").isNotEqualTo(code);
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
