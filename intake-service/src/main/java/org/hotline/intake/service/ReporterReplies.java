package org.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.security.identity.SecurityIdentity;
import org.hotline.intake.Contact;
import org.hotline.intake.Reply;
import org.hotline.intake.repository.ContactRepository;
import org.hotline.intake.repository.ReplyRepository;
import org.hotline.platform.problem.ProblemException;

/**
 * Staff replies to a tip's anonymous reporter: written and read by staff, read by the reporter with their follow-up
 * code. Each text is sealed with the tip's data key; every write and read of one goes to the audit trail. Only a tip
 * whose reporter holds a follow-up code can be replied to (nobody else could read the reply).
 */
@ApplicationScoped
public class ReporterReplies {

    /** Enough for a long exchange; more is someone filling the database. */
    static final int MAX_REPLIES_PER_TIP = 100;

    private final ContactRepository contacts;
    private final ReplyRepository replies;
    private final PersonalDataVault vault;
    private final PersonalDataAudit audit;
    private final SecurityIdentity identity;
    private final Clock clock;

    public ReporterReplies(ContactRepository contacts, ReplyRepository replies, PersonalDataVault vault,
            PersonalDataAudit audit, SecurityIdentity identity, Clock clock) {
        this.contacts = contacts;
        this.replies = replies;
        this.vault = vault;
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
    }

    /** A reply as staff see it. */
    public record StaffReply(String author, Instant createdAt, String text) {

        @Override
        public String toString() {
            return "StaffReply[author=" + author + ", createdAt=" + createdAt + ", text=[redacted]]";
        }
    }

    /** A reply as the reporter sees it: no staff member's name. */
    public record ReporterReply(Instant createdAt, String text) {

        @Override
        public String toString() {
            return "ReporterReply[createdAt=" + createdAt + ", text=[redacted]]";
        }
    }

    @Transactional
    public StaffReply add(String reference, String text) {
        Contact tip = contacts.findByReference(reference)
                .orElseThrow(() -> ProblemException.notFound("A contact with this reference"));
        if (!tip.hasFollowUpCode() || tip.purgedAt() != null) {
            throw new ProblemException(409, "no-anonymous-reporter", "No anonymous reporter",
                    "Only a tip whose anonymous reporter holds a follow-up code can be replied to");
        }
        if (replies.countForContact(tip.id()) >= MAX_REPLIES_PER_TIP) {
            throw new ProblemException(409, "too-many-replies", "Too many replies",
                    "This tip already has " + MAX_REPLIES_PER_TIP + " replies");
        }
        Reply reply = new Reply(tip.id(), identity.getPrincipal().getName(),
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        reply.sealText(vault.sealReply(tip.id(), reply.id(), text));
        replies.persist(reply);
        audit.recordRead(reference, "reply.write");
        return new StaffReply(reply.author(), reply.createdAt(), text);
    }

    @Transactional
    public List<StaffReply> forStaff(String reference) {
        Contact contact = contacts.findByReference(reference)
                .orElseThrow(() -> ProblemException.notFound("A contact with this reference"));
        audit.recordRead(reference, "reply.list");
        return replies.forContact(contact.id()).stream()
                .map(reply -> new StaffReply(reply.author(), reply.createdAt(), open(reply)))
                .filter(reply -> reply.text() != null)
                .toList();
    }

    /** The replies to the reporter of {@code tip}, whose code was checked; the read is audited as anonymous. */
    @Transactional
    public List<ReporterReply> forReporter(Contact tip) {
        audit.recordRead(tip.reference(), "reply.reporter-read");
        return replies.forContact(tip.id()).stream()
                .map(reply -> new ReporterReply(reply.createdAt(), open(reply)))
                .filter(reply -> Objects.nonNull(reply.text()))
                .toList();
    }

    private String open(Reply reply) {
        return vault.openReply(reply.contactId(), reply.id(), reply.sealedText());
    }
}
