package org.hotline.intake.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hotline.intake.Contact;
import org.hotline.intake.repository.ContactRepository;
import org.hotline.intake.rest.client.FollowupClient;
import org.hotline.intake.rest.client.RoutingClient;
import org.hotline.platform.problem.ProblemException;

/** A contact as staff see it: intake's record with its routing decision and follow-up, asked for at read time. */
@ApplicationScoped
public class ContactOverview {

    private final ContactRepository contacts;
    private final RoutingClient routing;
    private final FollowupClient followups;

    public ContactOverview(ContactRepository contacts, @RestClient RoutingClient routing,
            @RestClient FollowupClient followups) {
        this.contacts = contacts;
        this.routing = routing;
        this.followups = followups;
    }

    /** The contact and what routing and follow-up hold about it. */
    public record Overview(Contact contact, RelatedState<RoutingClient.Decision> decision,
            RelatedState<FollowupClient.Followup> followUp) {
    }

    public Overview of(String reference) {
        Contact contact = contacts.findByReference(reference)
                .orElseThrow(() -> ProblemException.notFound("Contact " + reference));
        return new Overview(contact,
                RelatedState.lookUp("Routing decision", () -> routing.decision(reference)),
                RelatedState.lookUp("Follow-up", () -> followups.followup(reference)));
    }
}
