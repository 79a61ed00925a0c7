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
 * Lets an anonymous reporter back to their own tip with its reference and follow-up code. An unknown reference and a
 * wrong code answer alike, and take as long (a bcrypt check either way), so neither reveals that a tip exists. Wrong
 * codes are counted per reference; past the limit every attempt answers 429 until the window passes.
 */
@ApplicationScoped
public class AnonymousAccess {

    private final ContactRepository contacts;
    private final CodeFailureRepository failures;
    private final FollowUpCodes codes;
    private final IntakeConfig.FollowUpCode config;
    private final Clock clock;
    private final String decoyHash;

    public AnonymousAccess(ContactRepository contacts, CodeFailureRepository failures, FollowUpCodes codes,
            IntakeConfig config, Clock clock) {
        this.contacts = contacts;
        this.failures = failures;
        this.codes = codes;
        this.config = config.followUpCode();
        this.clock = clock;
        this.decoyHash = codes.hash(codes.issue());
    }

    /** The tip, if the code is right; otherwise 404, or 429 once too many wrong codes were tried. */
    public Contact tip(String reference, String code) {
        Instant now = clock.instant();
        Duration window = config.failureWindow();
        long recent = QuarkusTransaction.requiringNew()
                .call(() -> failures.countSince(reference, now.minus(window)));
        if (recent >= config.maxFailures()) {
            throw ProblemException.tooManyRequests("Too many wrong follow-up codes for this reference", window);
        }
        Optional<Contact> tip = QuarkusTransaction.requiringNew().call(() -> contacts.findByReference(reference));
        String hash = tip.map(Contact::followUpCodeHash).orElse(decoyHash);
        if (tip.isEmpty() || tip.get().followUpCodeHash() == null || code == null || !codes.matches(hash, code)) {
            QuarkusTransaction.requiringNew().run(() -> failures.record(reference, now));
            throw new ProblemException(404, "not-found", "Not found",
                    "No tip matches this reference and follow-up code");
        }
        return tip.get();
    }
}
