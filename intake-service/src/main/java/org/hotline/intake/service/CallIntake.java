package org.hotline.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.intake.Contact;
import org.hotline.intake.PersonalData;
import org.hotline.intake.References;
import org.hotline.intake.messaging.ContactEvents;
import org.hotline.intake.repository.ContactRepository;
import org.hotline.intake.rest.CallLog;
import org.hotline.intake.rest.LocationInput;
import org.hotline.platform.outbox.OutboxWriter;

/**
 * Logs calls: the call and its {@code hotline.call.received} event are stored in one transaction. The summary and the
 * callback are sealed; the event carries neither.
 */
@ApplicationScoped
public class CallIntake {

    private final ContactRepository contacts;
    private final OutboxWriter outbox;
    private final PersonalDataVault vault;
    private final CaseSuggester suggester;
    private final Clock clock;

    public CallIntake(ContactRepository contacts, OutboxWriter outbox, PersonalDataVault vault, CaseSuggester suggester,
            Clock clock) {
        this.suggester = suggester;
        this.contacts = contacts;
        this.vault = vault;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Contact log(CallLog call) {
        Contact contact = Contact.call(References.next(ContactKind.CALL),
                call.receivedAt() == null ? Instant.now(clock) : call.receivedAt(),
                call.channel() == null ? Channel.PHONE : call.channel().toChannel(),
                call.callType(), call.callerType(), Boolean.TRUE.equals(call.requestedUrgent()),
                call.indicators() == null ? Set.of() : call.indicators(),
                call.needs() == null ? Set.of() : call.needs(),
                LocationInput.toLocation(call.location()), call.language(),
                Boolean.TRUE.equals(call.consentToLawEnforcement()), Boolean.TRUE.equals(call.followUpRequested()));
        PersonalData personal = new PersonalData(call.summary(), null, null, null,
                call.callback() == null ? null : call.callback().toCallback(), call.venueAddress());
        contact.sealPersonalData(vault.seal(contact.id(), personal));
        contact.recordAgeBand(call.ageBand());
        contact.recordPartnerConsent(Boolean.TRUE.equals(call.consentToShareWithPartners()));
        contact.recordTypology(call.typology());
        contacts.persist(contact);
        contacts.flush();
        // While the plaintext is open anyway: its fingerprint and the open cases it may belong to.
        suggester.onSignal(contact, personal);
        outbox.append(contact.reference(), ContactEvents.callReceived(contact));
        return contact;
    }
}
