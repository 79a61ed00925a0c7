package org.hotline.intake.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.intake.service.ContactNotes;
import org.hotline.platform.security.Roles;

@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Path("/api/v1/contacts/{reference}/notes")
@Tag(name = "Contacts", description = "Calls and tips, for staff")
@Produces(MediaType.APPLICATION_JSON)
public class ContactNoteResource {

    private final ContactNotes notes;

    public ContactNoteResource(ContactNotes notes) {
        this.notes = notes;
    }

    /** Body of a new note. */
    public record NewNote(@NotBlank @Size(max = 20_000) String text) {

        @Override
        public String toString() {
            return "NewNote[redacted]";
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a staff note to the contact", description = "Internal: never shown to the reporter. "
            + "Append-only: a note is never changed or removed. The author is the token's subject; the text is "
            + "sealed like the contact's other personal data. Answers 201 with the note.")
    public Response add(@PathParam("reference") String reference, @Valid @NotNull NewNote note) {
        ContactNotes.Opened added = notes.add(reference, note.text());
        return Response.created(URI.create("/api/v1/contacts/" + reference + "/notes")).entity(added).build();
    }

    @GET
    @Operation(summary = "The staff notes on the contact, oldest first",
            description = "Every read is recorded in the audit trail. text is null once the contact's personal data "
                    + "was shredded.")
    public List<ContactNotes.Opened> list(@PathParam("reference") String reference) {
        return notes.of(reference);
    }
}
