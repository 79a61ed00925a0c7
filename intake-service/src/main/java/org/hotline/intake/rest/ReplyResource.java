package org.hotline.intake.rest;

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
import org.hotline.intake.service.ReporterReplies;
import org.hotline.platform.security.Roles;

/** Staff replies to a tip's anonymous reporter, who reads them on the status page with their follow-up code. */
@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Path("/api/v1/contacts/{reference}/replies")
@Tag(name = "Contacts", description = "Calls and tips, for staff")
@Produces(MediaType.APPLICATION_JSON)
public class ReplyResource {

    private final ReporterReplies replies;

    public ReplyResource(ReporterReplies replies) {
        this.replies = replies;
    }

    /** Body of a reply. */
    public record ReplyInput(@NotBlank @Size(max = 5_000) String text) {

        @Override
        public String toString() {
            return "ReplyInput[text=[redacted]]";
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reply to the tip's anonymous reporter",
            description = "The reporter reads it with their follow-up code. Sealed like other personal data; the "
                    + "write is recorded in the audit trail. 409 when the contact has no anonymous reporter with a "
                    + "code (a call, a named reporter, a purged contact).")
    public Response add(@PathParam("reference") String reference, @Valid @NotNull ReplyInput input) {
        return Response.status(201).entity(replies.add(reference, input.text())).build();
    }

    @GET
    @Operation(summary = "The replies to the tip's reporter, oldest first",
            description = "Shows personal data: every read is recorded in the audit trail.")
    public List<ReporterReplies.StaffReply> list(@PathParam("reference") String reference) {
        return replies.forStaff(reference);
    }
}
