package org.hotline.intake.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.intake.service.ContactOverview;

@Path("/api/v1/contacts")
@Tag(name = "Contacts", description = "Calls and tips, for staff")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    private final ContactOverview overview;

    public ContactResource(ContactOverview overview) {
        this.overview = overview;
    }

    @GET
    @Path("/{reference}")
    @Operation(summary = "A contact by its reference, with its routing decision and follow-up")
    public ContactView get(@PathParam("reference") String reference) {
        return ContactView.of(overview.of(reference));
    }
}
