package org.hotline.platform.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.platform.inbox.DeadLetterRedrive;
import org.hotline.platform.security.Roles;

/** Replaying a service's dead letters after the fix that makes them processable has been deployed. */
@RolesAllowed(Roles.ADMIN)
@Path("/api/v1/admin/dead-letters")
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterAdminResource {

    private final DeadLetterRedrive redrive;

    public DeadLetterAdminResource(DeadLetterRedrive redrive) {
        this.redrive = redrive;
    }

    @POST
    @Path("/redrive")
    @Operation(summary = "Replay every record of this service's dead-letter topic through its consumer, once",
            description = "Records applied meanwhile count as duplicates and change nothing; records that still cannot "
                    + "be processed stay in the dead-letter topic. 404 in a service that consumes nothing.")
    public DeadLetterRedrive.Result redrive() {
        return redrive.redrive();
    }
}
