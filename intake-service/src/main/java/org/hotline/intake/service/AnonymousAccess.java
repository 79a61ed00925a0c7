package org.hotline.intake.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hotline.intake.Contact;
import org.hotline.intake.FollowUpCodes;
import org.hotline.intake.config.IntakeConfig;
import org.hotline.intake.repository.CodeFailureRepository;
import org.hotline.intake.repository.ContactRepository;
import org.hotline.platform.problem.ProblemException;

/**
 * Lets an anonymous reporter back to their own tip with its reference and follow-up code. An unknown reference, a
 * contact without a code and a wrong code answer alike and do the same work (the same two reads, one key lookup and
 * one HMAC, one failure recorded), so no answer reveals that a tip exists. Wrong codes are counted per reference (in
 * the database, for every instance) and per client address; past either limit every attempt answers 429 until the
 * window passes. The HMAC is computed outside any transaction.
 */
@ApplicationScoped
public class AnonymousAccess {

    private static final String NO_MATCH = "No tip matches this reference and follow-up code";

    private final ContactRepository contacts;
    private final CodeFailureRepository failures;
    private final ClientCodeFailures clientFailures;
    private final FollowUpCodes codes;
    private final IntakeConfig.FollowUpCode config;
    private final Clock clock;

    public AnonymousAccess(ContactRepository contacts, CodeFailureRepository failures,
            ClientCodeFailures clientFailures, FollowUpCodes codes, IntakeConfig config, Clock clock) {
        this.contacts = contacts;
        this.failures = failures;
        this.clientFailures = clientFailures;
        this.codes = codes;
        this.config = config.followUpCode();
        this.clock = clock;
    }

    private record Lookup(long recentFailures, Optional<Contact> contact) {
    }

    /** What a check found: the tip when the code is right; else whether the caller must wait (429) or not (404). */
    public record Outcome(Optional<Contact> tip, Optional<Duration> retryAfter) {

        static Outcome granted(Contact tip) {
            return new Outcome(Optional.of(tip), Optional.empty());
        }

        static Outcome refused() {
            return new Outcome(Optional.empty(), Optional.empty());
        }

        static Outcome throttled(Duration wait) {
            return new Outcome(Optional.empty(), Optional.of(wait));
        }
    }

    /** The tip, if the code is right; otherwise 404, or 429 once too many wrong codes were tried. */
    public Contact tip(String reference, String code, String client) {
        Outcome outcome = check(reference, code, client);
        if (outcome.retryAfter().isPresent()) {
            throw ProblemException.tooManyRequests("Too many wrong follow-up codes; try again later",
                    outcome.retryAfter().get());
        }
        return outcome.tip().orElseThrow(() -> new ProblemException(404, "not-found", "Not found", NO_MATCH));
    }

    /** Checks a reference and code from {@code client}; records a failure when they do not match. */
    public Outcome check(String reference, String code, String client) {
        Instant now = clock.instant();
        Duration window = config.failureWindow();
        Optional<Duration> clientWait = clientFailures.blocked(client);
        if (clientWait.isPresent()) {
            return Outcome.throttled(clientWait.get());
        }
        Lookup lookup = QuarkusTransaction.requiringNew().call(() -> new Lookup(
                failures.countSince(reference, now.minus(window)), contacts.findByReference(reference)));
        if (lookup.recentFailures() >= config.maxFailures()) {
            return Outcome.throttled(window);
        }
        Optional<Contact> tip = lookup.contact();
        if (tip.isPresent() && tip.get().legacyFollowUpCodeHash() != null && tip.get().followUpCodeMac() == null) {
            return legacy(tip.get(), code, client, now);
        }
        boolean matches = codes.matches(reference, tip.map(Contact::followUpCodeKey).orElse(null),
                tip.map(Contact::followUpCodeMac).orElse(null), code);
        if (!matches) {
            return failed(reference, client, now);
        }
        if (!codes.isCurrent(tip.get().followUpCodeKey())) {
            // Hashed under a key-encryption key since rotated away: re-hash under the current one while the code is
            // at hand, so the old key can be retired once no code needs it.
            rehash(tip.get(), code);
        }
        return Outcome.granted(tip.get());
    }

    /** A bcrypt hash from before keyed hashes: checked (slowly) once more, then replaced by a keyed hash. */
    private Outcome legacy(Contact tip, String code, String client, Instant now) {
        if (!codes.matchesLegacyBcrypt(tip.legacyFollowUpCodeHash(), code)) {
            return failed(tip.reference(), client, now);
        }
        rehash(tip, code);
        return Outcome.granted(tip);
    }

    private void rehash(Contact tip, String code) {
        FollowUpCodes.Hashed hashed = codes.hash(tip.reference(), code);
        QuarkusTransaction.requiringNew().run(() -> contacts.replaceFollowUpCode(tip.id(), hashed));
    }

    private Outcome failed(String reference, String client, Instant now) {
        clientFailures.record(client);
        QuarkusTransaction.requiringNew().run(() -> failures.record(reference, now));
        return Outcome.refused();
    }
}
