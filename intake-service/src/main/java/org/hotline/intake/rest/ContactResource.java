package org.hotline.intake.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.intake.repository.ContactRepository;
import org.hotline.platform.problem.ProblemException;

@Path("/api/v1/contacts")
@Tag(name = "Contacts", description = "Calls and tips, for staff")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    private final ContactRepository contacts;

    public ContactResource(ContactRepository contacts) {
        this.contacts = contacts;
    }

    @GET
    @Path("/{reference}")
    @Operation(summary = "A contact by its reference")
    public ContactView get(@PathParam("reference") String reference) {
        return contacts.findByReference(reference).map(ContactView::of)
                .orElseThrow(() -> ProblemException.notFound("Contact " + reference));
    }
}
