package org.hotline.routing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A position in a partner's referral feed: the issue time and id of the last referral the partner has seen. Opaque to
 * partners (URL-safe base64 of {@code <issuedAt>|<referralId>}); referrals are ordered by exactly this pair.
 */
public record FeedCursor(Instant issuedAt, UUID referralId) {

    public static FeedCursor after(Referral referral) {
        return new FeedCursor(referral.issuedAt(), referral.referralId());
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((issuedAt + "|" + referralId).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a feed answer gave, or empty when {@code token} is not one. */
    public static Optional<FeedCursor> decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            if (bar < 0) {
                return Optional.empty();
            }
            return Optional.of(new FeedCursor(Instant.parse(text.substring(0, bar)),
                    UUID.fromString(text.substring(bar + 1))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
