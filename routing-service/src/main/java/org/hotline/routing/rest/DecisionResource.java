package org.hotline.routing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.security.Roles;
import org.hotline.routing.service.DecisionLookup;

@Path("/api/v1/decisions")
@Tag(name = "Decisions", description = "How urgent each contact is and whom it is referred to, with the reasons")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    private final DecisionLookup decisions;

    public DecisionResource(DecisionLookup decisions) {
        this.decisions = decisions;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
    @Path("/{reference}")
    @Operation(summary = "The routing decision of a contact")
    public DecisionView get(@PathParam("reference") String reference) {
        return decisions.byReference(reference).map(DecisionView::of)
                .orElseThrow(() -> ProblemException.notFound("A decision for " + reference));
    }
}
