package org.hotline.intake.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hotline.intake.Contact;
import org.hotline.intake.PersonalData;
import org.hotline.intake.repository.ContactRepository;
import org.hotline.intake.rest.client.FollowupClient;
import org.hotline.intake.rest.client.RoutingClient;
import org.hotline.platform.problem.ProblemException;

/** A contact as staff see it: intake's record with its routing decision and follow-up, asked for at read time. */
@ApplicationScoped
public class ContactOverview {

    private final ContactRepository contacts;
    private final PersonalDataVault vault;
    private final PersonalDataAudit audit;
    private final RoutingClient routing;
    private final FollowupClient followups;

    public ContactOverview(ContactRepository contacts, PersonalDataVault vault, PersonalDataAudit audit,
            @RestClient RoutingClient routing, @RestClient FollowupClient followups) {
        this.contacts = contacts;
        this.vault = vault;
        this.audit = audit;
        this.routing = routing;
        this.followups = followups;
    }

    /** The contact, its personal data, and what routing and follow-up hold about it. */
    public record Overview(Contact contact, PersonalData personalData, RelatedState<RoutingClient.Decision> decision,
            RelatedState<FollowupClient.Followup> followUp) {
    }

    /** Opens the contact's personal data, recording the read in the audit trail in the same transaction. */
    public Overview of(String reference) {
        Overview stored = QuarkusTransaction.requiringNew().call(() -> {
            Contact contact = contacts.findByReference(reference)
                    .orElseThrow(() -> ProblemException.notFound("Contact " + reference));
            audit.recordRead(reference, "contact.view");
            return new Overview(contact, vault.open(contact.id(), contact.sealedPersonalData()), null, null);
        });
        // The other services are asked outside the transaction: a slow answer must not hold a connection.
        return new Overview(stored.contact(), stored.personalData(),
                RelatedState.lookUp("Routing decision", () -> routing.decision(reference)),
                RelatedState.lookUp("Follow-up", () -> followups.followup(reference)));
    }
}
