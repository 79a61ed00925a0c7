package org.hotline.followup.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.followup.service.StaffDirectory;
import org.hotline.platform.security.Roles;

/** The staff members a supervisor can assign follow-ups to, by name. */
@Path("/api/v1/staff-members")
@Tag(name = "Follow-ups")
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    /** A staff member: the token subject an assignment takes, and their display name. */
    public record StaffMemberView(String subject, String name) {
    }

    private final StaffDirectory staff;

    public StaffResource(StaffDirectory staff) {
        this.staff = staff;
    }

    @GET
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "The staff members seen working follow-ups (work list or claim), by name",
            description = "subject is what POST /api/v1/followups/{reference}/assignment takes as assignee.")
    public List<StaffMemberView> list() {
        return staff.everyone().stream().map(m -> new StaffMemberView(m.subject(), m.displayName())).toList();
    }
}
