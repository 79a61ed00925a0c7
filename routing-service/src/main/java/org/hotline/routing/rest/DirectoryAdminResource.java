package org.hotline.routing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.platform.security.Roles;
import org.hotline.routing.service.DirectoryIndex;
import org.hotline.routing.service.DirectoryRebuild;

/** Operations on routing's read model of the directory: how it stands, and rebuilding it from the topic. */
@RolesAllowed(Roles.ADMIN)
@Path("/api/v1/admin/directory")
@Tag(name = "Administration", description = "The directory read model")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryAdminResource {

    private final DirectoryIndex index;
    private final DirectoryRebuild rebuild;

    public DirectoryAdminResource(DirectoryIndex index, DirectoryRebuild rebuild) {
        this.index = index;
        this.rebuild = rebuild;
    }

    @GET
    @Operation(summary = "Organisations in the read model table and in this instance's index, and its last rebuild")
    public DirectoryStatus status() {
        return new DirectoryStatus(rebuild.organisationsStored(), index.current().size(), rebuild.last());
    }

    @POST
    @Path("/rebuild")
    @Operation(summary = "Rebuild the read model from the beginning of the organisations topic, now",
            description = "Answers when done (seconds for tens of thousands of organisations) with what it did; 409"
                    + " while another rebuild runs. Live updates go on meanwhile and are never lost.")
    public DirectoryRebuild.Result rebuild() {
        return rebuild.rebuild();
    }

    /**
     * @param organizations the organisations in the read model table (all instances share it)
     * @param indexed       the organisations in this instance's in-memory index, brought up to date
     * @param lastRebuild   the last rebuild this instance made, or null
     */
    public record DirectoryStatus(long organizations, int indexed, DirectoryRebuild.Result lastRebuild) {
    }
}
