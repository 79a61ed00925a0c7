package org.hotline.contracts.events;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;

/**
 * {@code hotline.tip.message-added}: an anonymous reporter added information to their tip. Travels on the tips topic
 * keyed by the tip's reference, so it follows its tip in order. The message text stays in intake; routing gets the
 * indicators and needs it adds, to re-assess the tip.
 */
public record TipMessageAdded(
        String reference,
        UUID messageId,
        Instant receivedAt,
        Set<Indicator> indicators,
        Set<Need> needs) {
}
