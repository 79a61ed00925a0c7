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

/** Accepts tips: the tip and its {@code hotline.tip.received} event are stored in one transaction. */
@ApplicationScoped
public class TipIntake {

    private final ContactRepository contacts;
    private final OutboxWriter outbox;
    private final FollowUpCodes codes;
    private final PersonalDataVault vault;
    private final Clock clock;

    public TipIntake(ContactRepository contacts, OutboxWriter outbox, FollowUpCodes codes, PersonalDataVault vault,
            Clock clock) {
        this.contacts = contacts;
        this.outbox = outbox;
        this.codes = codes;
        this.vault = vault;
        this.clock = clock;
    }

    /** A stored tip, and for an anonymous reporter the follow-up code to show once. */
    public record Accepted(Contact tip, String followUpCode) {
    }

    /**
     * Stores a tip and its event. A retried submission with the same idempotency key (also two at once) answers with
     * the first tip's reference and status; the follow-up code is shown only in the first answer, since only its hash
     * was kept, and issuing another would void the one the reporter may already have written down.
     */
    public Accepted submit(TipSubmission submission, String idempotencyKey) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> store(submission, idempotencyKey));
        } catch (RuntimeException e) {
            if (idempotencyKey != null && isUniqueViolation(e)) {
                // A concurrent submission with the same key committed first: answer with its tip.
                return QuarkusTransaction.requiringNew().call(() -> contacts.findByIdempotencyKey(idempotencyKey)
                        .map(earlier -> new Accepted(earlier, null)).orElseThrow(() -> e));
            }
            throw e;
        }
    }

    private Accepted store(TipSubmission submission, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Contact> earlier = contacts.findByIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                return new Accepted(earlier.get(), null);
            }
        }
        Contact tip = Contact.tip(References.next(ContactKind.TIP), Instant.now(clock),
                submission.channel() == null ? Channel.WEB_FORM : submission.channel(),
                submission.traffickingType(),
                orEmpty(submission.indicators()), orEmpty(submission.needs()),
                LocationInput.toLocation(submission.location()), reporter(submission.reporter()), idempotencyKey);
        tip.sealPersonalData(vault.seal(tip.id(), personalData(submission, tip.anonymous())));
        String code = newCodeFor(tip);
        contacts.persist(tip);
        contacts.flush();
        outbox.append(tip.reference(), ContactEvents.tipReceived(tip));
        return new Accepted(tip, code);
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private String newCodeFor(Contact tip) {
        if (!tip.anonymous()) {
            return null;
        }
        String code = codes.issue();
        tip.replaceFollowUpCode(codes.hash(code));
        return code;
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
            return new PersonalData(submission.description(), null, null, null);
        }
        return new PersonalData(submission.description(), in.name(), in.phone(), in.email());
    }
}
