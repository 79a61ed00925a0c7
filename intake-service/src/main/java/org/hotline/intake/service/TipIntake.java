package org.hotline.intake.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.intake.Contact;
import org.hotline.intake.PersonalData;
import org.hotline.intake.FollowUpCodes;
import org.hotline.intake.References;
import org.hotline.intake.messaging.ContactEvents;
import org.hotline.intake.repository.ContactRepository;
import org.hotline.intake.rest.LocationInput;
import org.hotline.intake.rest.TipSubmission;
import org.hotline.platform.outbox.OutboxWriter;
import org.hotline.platform.problem.ProblemException;

/** Accepts tips: the tip and its {@code hotline.tip.received} event are stored in one transaction. */
@ApplicationScoped
public class TipIntake {

    private final ContactRepository contacts;
    private final OutboxWriter outbox;
    private final FollowUpCodes codes;
    private final PersonalDataVault vault;
    private final CaseSuggester suggester;
    private final Clock clock;

    public TipIntake(ContactRepository contacts, OutboxWriter outbox, FollowUpCodes codes, PersonalDataVault vault,
            CaseSuggester suggester, Clock clock) {
        this.suggester = suggester;
        this.contacts = contacts;
        this.outbox = outbox;
        this.codes = codes;
        this.vault = vault;
        this.clock = clock;
    }

    /**
     * A stored tip, and for an anonymous reporter the follow-up code to show; {@code repeated} when the tip was stored
     * by an earlier submission with the same idempotency key.
     */
    public record Accepted(Contact tip, String followUpCode, boolean repeated) {
    }

    /** As {@link #submit(TipSubmission, String, String)} with a random code for an anonymous reporter. */
    public Accepted submit(TipSubmission submission, String idempotencyKey) {
        return submit(submission, idempotencyKey, null);
    }

    /**
     * Stores a tip and its event. A retried submission with the same idempotency key (also two at once) answers with
     * the first tip's reference and status. Its follow-up code is shown again only when the retry brings the same
     * {@code presetCode} (the tip form derives one from the form's idempotency key and the browser's cookie): only the
     * code's hash was kept, and issuing another would void the one the reporter may already have written down.
     *
     * <p>The code and its keyed hash are made before the transaction opens, so it holds its connection only for the
     * writes.
     *
     * @param presetCode the code for an anonymous reporter, or null for a random one
     */
    public Accepted submit(TipSubmission submission, String idempotencyKey, String presetCode) {
        String reference = References.next(ContactKind.TIP);
        boolean anonymous = reporter(submission.reporter()).anonymous();
        String code = !anonymous ? null : presetCode != null ? presetCode : codes.issue();
        FollowUpCodes.Hashed hashed = code == null ? null : codes.hash(reference, code);
        String fingerprint = idempotencyKey == null ? null : BodyFingerprint.of(submission, idempotencyKey);
        Accepted accepted;
        try {
            accepted = QuarkusTransaction.requiringNew()
                    .call(() -> store(reference, submission, idempotencyKey, fingerprint, code, hashed));
        } catch (RuntimeException e) {
            if (idempotencyKey != null && isUniqueViolation(e)) {
                // A concurrent submission with the same key committed first: answer with its tip.
                accepted = QuarkusTransaction.requiringNew().call(() -> contacts.findByIdempotencyKey(idempotencyKey)
                        .map(earlier -> repeated(earlier, fingerprint)).orElseThrow(() -> e));
            } else {
                throw e;
            }
        }
        if (accepted.repeated() && presetCode != null && codes.matches(accepted.tip().reference(),
                accepted.tip().followUpCodeKey(), accepted.tip().followUpCodeMac(), presetCode)) {
            return new Accepted(accepted.tip(), presetCode, true);
        }
        return accepted;
    }

    private Accepted store(String reference, TipSubmission submission, String idempotencyKey, String fingerprint,
            String code, FollowUpCodes.Hashed hashed) {
        if (idempotencyKey != null) {
            Optional<Contact> earlier = contacts.findByIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                return repeated(earlier.get(), fingerprint);
            }
        }
        Contact tip = Contact.tip(reference, Instant.now(clock),
                submission.channel() == null ? Channel.WEB_FORM : submission.channel(),
                submission.traffickingType(),
                orEmpty(submission.indicators()), orEmpty(submission.needs()),
                LocationInput.toLocation(submission.location()), reporter(submission.reporter()), idempotencyKey);
        PersonalData personal = personalData(submission, tip.anonymous());
        tip.sealPersonalData(vault.seal(tip.id(), personal));
        if (hashed != null) {
            tip.replaceFollowUpCode(hashed);
        }
        if (fingerprint != null) {
            tip.rememberBody(fingerprint);
        }
        tip.recordAgeBand(submission.ageBand());
        tip.recordTypology(submission.typology());
        contacts.persist(tip);
        contacts.flush();
        // While the plaintext is open anyway: its fingerprint and the open cases it may belong to.
        suggester.onSignal(tip, personal);
        outbox.append(tip.reference(), ContactEvents.tipReceived(tip));
        return new Accepted(tip, code, false);
    }

    /**
     * The earlier tip for a retry with the same idempotency key; a different body with that key is refused (422)
     * rather than silently answered with a tip it does not describe.
     */
    private static Accepted repeated(Contact earlier, String fingerprint) {
        if (!earlier.sameBody(fingerprint)) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was first used with a different body; send a new key for a new tip");
        }
        return new Accepted(earlier, null, true);
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static <T> Set<T> orEmpty(Set<T> values) {
        return values == null ? Set.of() : values;
    }

    private static Contact.Reporter reporter(TipSubmission.ReporterInput in) {
        if (in == null) {
            return Contact.Reporter.anonymousReporter();
        }
        boolean anonymous = in.anonymous() == null || in.anonymous();
        return new Contact.Reporter(anonymous, in.callerType(), in.language(),
                Boolean.TRUE.equals(in.consentToLawEnforcement()));
    }

    /** The description, and the reporter's identity only when they chose not to be anonymous. */
    private static PersonalData personalData(TipSubmission submission, boolean anonymous) {
        TipSubmission.ReporterInput in = submission.reporter();
        if (anonymous || in == null) {
            return new PersonalData(submission.description(), null, null, null, null, submission.venueAddress());
        }
        return new PersonalData(submission.description(), in.name(), in.phone(), in.email(), null,
                submission.venueAddress());
    }
}
