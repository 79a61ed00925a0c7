package org.hotline.followup.rest.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * intake-service's staff notes: a completion's note is kept there, sealed and audited with the contact's other
 * personal data, under the staff member's own token (passed on, so the note's author is who completed).
 */
@RegisterClientHeaders
@RegisterRestClient(configKey = "intake")
@Path("/api/v1/contacts")
public interface IntakeNotesClient {

    @POST
    @Path("/{reference}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    void add(@PathParam("reference") String reference, Note note);

    /** A note's body as intake takes it. */
    record Note(String text) {

        @Override
        public String toString() {
            return "Note[redacted]";
        }
    }
}
