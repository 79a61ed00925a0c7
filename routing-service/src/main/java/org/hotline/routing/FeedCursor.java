package org.hotline.routing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A position in a partner's referral feed: the writing transaction's id, the issue time and the id of the last
 * referral the partner has seen; referrals are ordered by exactly this triple. Opaque to partners (URL-safe base64 of
 * {@code <feedTxid>|<issuedAt>|<referralId>}). A cursor from before the feed followed commit order
 * ({@code <issuedAt>|<referralId>}) still decodes: its referrals are the ones written before, with transaction id 0.
 */
public record FeedCursor(long feedTxid, Instant issuedAt, UUID referralId) {

    public static FeedCursor after(Referral referral) {
        return new FeedCursor(referral.feedTxid(), referral.issuedAt(), referral.referralId());
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((feedTxid + "|" + issuedAt + "|" + referralId).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a feed answer gave, or empty when {@code token} is not one. */
    public static Optional<FeedCursor> decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length == 2) {
                return Optional.of(new FeedCursor(0, Instant.parse(parts[0]), UUID.fromString(parts[1])));
            }
            if (parts.length == 3) {
                long txid = Long.parseLong(parts[0]);
                if (txid < 0) {
                    return Optional.empty();
                }
                return Optional.of(new FeedCursor(txid, Instant.parse(parts[1]), UUID.fromString(parts[2])));
            }
            return Optional.empty();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
