package org.hotline.intake.rest;

import java.net.URI;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.intake.Contact;
import org.hotline.intake.service.CallIntake;
import org.hotline.platform.security.Roles;

@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Path("/api/v1/calls")
@Tag(name = "Calls", description = "Calls logged by phone agents")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CallResource {

    private final CallIntake intake;

    public CallResource(CallIntake intake) {
        this.intake = intake;
    }

    @POST
    @Operation(summary = "Log a call", description = "Answers 201 with the call's reference. receivedAt defaults to "
            + "now; a message taken overnight is logged with its real time, never in the future.")
    public Response log(@Valid @NotNull CallLog call) {
        Contact contact = intake.log(call);
        return Response.created(URI.create("/api/v1/contacts/" + contact.reference()))
                .entity(new CallReceipt(contact.reference(), contact.receivedAt(), contact.status().name()))
                .build();
    }

    /** Answer to a logged call. */
    public record CallReceipt(String reference, Instant receivedAt, String status) {
    }
}
