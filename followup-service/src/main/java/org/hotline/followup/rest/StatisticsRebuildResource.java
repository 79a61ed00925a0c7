package org.hotline.followup.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.followup.repository.StatisticsGenerationRepository.Generation;
import org.hotline.followup.service.StatisticsRebuild;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.security.Roles;

/** Rebuilds of the statistics read model from the topics (admin). */
@Path("/api/v1/statistics/rebuilds")
@Tag(name = "Statistics")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsRebuildResource {

    private final StatisticsRebuild rebuild;
    private final SecurityIdentity identity;

    public StatisticsRebuildResource(StatisticsRebuild rebuild, SecurityIdentity identity) {
        this.rebuild = rebuild;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuild the statistics from the topics' beginning into a fresh generation, then swap")
    public Response start() {
        Generation generation = rebuild.start(identity.getPrincipal().getName());
        return Response.accepted(generation)
                .location(URI.create("/api/v1/statistics/rebuilds/" + generation.id())).build();
    }

    @GET
    @Path("{generation}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "A rebuild's progress: BUILDING, then ACTIVE (swapped in) or FAILED; RETIRED once replaced")
    public Generation status(@PathParam("generation") String generation) {
        int id;
        try {
            id = Integer.parseInt(generation);
        } catch (NumberFormatException e) {
            throw notFound();
        }
        return rebuild.status(id).orElseThrow(StatisticsRebuildResource::notFound);
    }

    private static ProblemException notFound() {
        return new ProblemException(404, "not-found", "Not found", "No such statistics generation");
    }
}
