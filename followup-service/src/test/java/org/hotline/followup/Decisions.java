package org.hotline.followup;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hotline.contracts.events.RoutingDecided;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Urgency;

/** Routing decisions as routing-service publishes them, for arranging test inputs. */
final class Decisions {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Decisions() {
    }

    /** A fresh contact reference, e.g. {@code CALL-7K3M9Q2XH4}, so tests never see each other's follow-ups. */
    static String reference(ContactKind kind) {
        StringBuilder reference = new StringBuilder(kind.name()).append('-');
        for (int i = 0; i < 10; i++) {
            reference.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return reference.toString();
    }

    /** A decision on a phone call. */
    static RoutingDecided call(String reference, Instant receivedAt, Urgency urgency, Handling handling,
            boolean followUpRequested) {
        return decision(reference, ContactKind.CALL, CallType.REFERRAL_REQUEST, Channel.PHONE, receivedAt, urgency,
                handling, followUpRequested, List.of("urgency: no urgent indicator"));
    }

    /** A decision on a tip sent through {@code channel}. */
    static RoutingDecided tip(String reference, Channel channel, Instant receivedAt, Urgency urgency,
            Handling handling) {
        return decision(reference, ContactKind.TIP, CallType.TIP, channel, receivedAt, urgency, handling, false,
                List.of("urgency: no urgent indicator"));
    }

    static RoutingDecided decision(String reference, ContactKind kind, CallType callType, Channel channel,
            Instant receivedAt, Urgency urgency, Handling handling, boolean followUpRequested, List<String> rules) {
        return new RoutingDecided(UUID.randomUUID(), reference, kind, callType, channel, receivedAt, followUpRequested,
                urgency, handling, urgency == Urgency.URGENT, false, List.of(), rules, receivedAt.plusSeconds(1));
    }
}
