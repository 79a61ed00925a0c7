package org.hotline.intake.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.intake.service.ContactMessages;
import org.hotline.platform.security.Roles;

@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Path("/api/v1/contacts/{reference}/messages")
@Tag(name = "Contacts", description = "Calls and tips, for staff")
@Produces(MediaType.APPLICATION_JSON)
public class ContactMessageResource {

    private final ContactMessages messages;

    public ContactMessageResource(ContactMessages messages) {
        this.messages = messages;
    }

    @GET
    @Operation(summary = "What the anonymous reporter added to their tip, oldest first",
            description = "Opened from its sealed form; every read is recorded in the audit trail. text is null once "
                    + "the contact's personal data was shredded. A call has none.")
    public List<ContactMessages.Opened> list(@PathParam("reference") String reference) {
        return messages.of(reference);
    }
}
