package org.hotline.directory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.directory.hsds.HsdsImport;
import org.hotline.directory.service.DirectoryGeneration;
import org.hotline.directory.service.DirectoryRepublisher;
import org.hotline.platform.rest.QueryParameters;
import org.hotline.platform.security.Roles;

/** Directory-wide operations for administrators: import, republish, and loading a generated directory. */
@Path("/api/v1/admin")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Directory administration", description = "Import, republish, generate")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final HsdsImport hsdsImport;
    private final DirectoryRepublisher republisher;
    private final DirectoryGeneration generation;

    public AdminResource(HsdsImport hsdsImport, DirectoryRepublisher republisher, DirectoryGeneration generation) {
        this.hsdsImport = hsdsImport;
        this.republisher = republisher;
        this.generation = generation;
    }

    /** How many organisations an operation went through. */
    public record Outcome(int organizations, int created, int replaced) {
    }

    @POST
    @Path("/hsds/import")
    @Operation(summary = "Import an HSDS 3.0 dataset", description = "The body is what GET /hsds/organizations?"
            + "full_service=true answers (a Page with contents), or the array of organisations itself. Each is "
            + "created, or replaced when its id exists, and published. All or nothing: 400 names every problem.")
    public Outcome importHsds(JsonNode body) {
        HsdsImport.Result result = hsdsImport.importAll(body);
        return new Outcome(result.organizations(), result.created(), result.replaced());
    }

    @POST
    @Path("/organizations/republish")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Publish every organisation again", description = "Each organisation's current state goes "
            + "to the compacted topic again (same version), for a consumer that must rebuild its copy.")
    public Outcome republish() {
        return new Outcome(republisher.republishAll(), 0, 0);
    }

    @POST
    @Path("/organizations/generate")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Load a generated directory", description = "count (1-100000) synthetic organisations "
            + "from the deterministic directory generator with the given seed (default 42), for demos and "
            + "benchmarks; published like any organisation. The same count and seed give the same organisations, "
            + "so running it again replaces them.")
    public Outcome generate(@QueryParam("count") String count, @QueryParam("seed") String seed) {
        generation.requireEnabled();
        QueryParameters params = new QueryParameters();
        if (count == null || count.isEmpty()) {
            params.reject("count", "must be a whole number from 1 to " + DirectoryGeneration.MAX_COUNT);
        }
        int organizations = params.integer("count", count, 1, 1, DirectoryGeneration.MAX_COUNT);
        long generatorSeed = params.longValue("seed", seed, DirectoryGeneration.DEFAULT_SEED);
        params.throwIfInvalid();
        DirectoryGeneration.Result result = generation.generate(organizations, generatorSeed);
        return new Outcome(result.organizations(), result.created(), result.replaced());
    }
}
