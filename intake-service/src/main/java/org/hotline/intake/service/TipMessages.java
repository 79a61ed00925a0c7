package org.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.contracts.events.TipMessageAdded;
import org.hotline.intake.Contact;
import org.hotline.intake.TipMessage;
import org.hotline.intake.repository.TipMessageRepository;
import org.hotline.intake.rest.TipMessageSubmission;
import org.hotline.platform.outbox.OutboxWriter;
import org.hotline.platform.problem.ProblemException;

/**
 * Adds an anonymous reporter's message to their tip and publishes its facts for routing, in one transaction. The
 * event is keyed by the tip's reference, so it follows the tip on the same partition.
 */
@ApplicationScoped
public class TipMessages {

    /** Enough for a reporter who keeps adding details; more is someone filling the database. */
    static final int MAX_MESSAGES_PER_TIP = 50;

    private final TipMessageRepository messages;
    private final OutboxWriter outbox;
    private final PersonalDataVault vault;
    private final Clock clock;

    public TipMessages(TipMessageRepository messages, OutboxWriter outbox, PersonalDataVault vault, Clock clock) {
        this.messages = messages;
        this.vault = vault;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public TipMessage add(Contact tip, TipMessageSubmission submission) {
        if (messages.countForContact(tip.id()) >= MAX_MESSAGES_PER_TIP) {
            throw new ProblemException(409, "too-many-messages", "Too many messages",
                    "This tip already has " + MAX_MESSAGES_PER_TIP + " messages; please call the hotline");
        }
        TipMessage message = new TipMessage(tip.id(),
                submission.indicators() == null ? Set.of() : submission.indicators(),
                submission.needs() == null ? Set.of() : submission.needs(), Instant.now(clock));
        message.sealMessage(vault.sealMessage(tip.id(), message.id(), submission.message()));
        messages.persist(message);
        outbox.append(tip.reference(), new TipMessageAdded(tip.reference(), message.id(), message.receivedAt(),
                message.indicators(), message.needs()));
        return message;
    }
}
