package org.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.hotline.intake.Contact;
import org.hotline.intake.config.IntakeConfig;
import org.hotline.intake.repository.ContactNoteRepository;
import org.hotline.intake.repository.ContactRepository;
import org.hotline.intake.repository.ReplyRepository;
import org.hotline.intake.repository.SignalFingerprintRepository;
import org.hotline.intake.repository.TipMessageRepository;
import org.jboss.logging.Logger;

/**
 * Shreds the personal data of contacts closed longer ago than the retention period: the contact's data key is
 * deleted (crypto-shredding) and the sealed bytes dropped; the non-personal facts stay for statistics. Several
 * instances share the work by skipping each other's locked rows.
 */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);
    private static final int BATCH = 200;

    private final ContactRepository contacts;
    private final TipMessageRepository messages;
    private final ContactNoteRepository notes;
    private final ReplyRepository replies;
    private final PersonalDataVault vault;
    private final SignalFingerprintRepository fingerprints;
    private final IntakeConfig config;
    private final Clock clock;

    public RetentionPurge(ContactRepository contacts, TipMessageRepository messages, ContactNoteRepository notes,
            ReplyRepository replies, PersonalDataVault vault, SignalFingerprintRepository fingerprints,
            IntakeConfig config, Clock clock) {
        this.contacts = contacts;
        this.messages = messages;
        this.notes = notes;
        this.replies = replies;
        this.vault = vault;
        this.fingerprints = fingerprints;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "intake-retention-purge", every = "${hotline.intake.retention.purge-interval:1h}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Purges every contact past its retention now; answers how many. */
    public int purge() {
        int total = 0;
        int purged;
        do {
            purged = QuarkusTransaction.requiringNew().call(this::purgeBatch);
            total += purged;
        } while (purged == BATCH);
        if (total > 0) {
            LOG.infof("Retention: shredded the personal data of %d closed contacts", total);
        }
        return total;
    }

    private int purgeBatch() {
        Instant now = Instant.now(clock);
        List<Contact> due = contacts.lockClosedUnpurgedBefore(now.minus(config.retention().closedContacts()), BATCH);
        for (Contact contact : due) {
            vault.shred(contact.id());
            messages.clearSealedMessages(contact.id());
            notes.clearSealedTexts(contact.id());
            replies.clearSealedTexts(contact.id());
            fingerprints.forget(contact.id());
            contact.markPurged(now);
        }
        return due.size();
    }
}
