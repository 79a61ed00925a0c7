package org.hotline.directory.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.vertx.core.buffer.Buffer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.directory.hsds.DatasetFetcher;
import org.hotline.directory.hsds.HsdsDataset;
import org.hotline.directory.hsds.HsdsImport;
import org.hotline.directory.hsds.ImportReport;
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
    private final DatasetFetcher fetcher;
    private final DirectoryRepublisher republisher;
    private final DirectoryGeneration generation;

    public AdminResource(HsdsImport hsdsImport, DatasetFetcher fetcher, DirectoryRepublisher republisher,
            DirectoryGeneration generation) {
        this.hsdsImport = hsdsImport;
        this.fetcher = fetcher;
        this.republisher = republisher;
        this.generation = generation;
    }

    /** How many organisations an operation went through. */
    public record Outcome(int organizations, int created, int replaced) {
    }

    @POST
    @Path("/hsds/import")
    // Any type: the body is told by its first bytes (a zip, else JSON), and the url form sends none at all.
    @Consumes({MediaType.APPLICATION_JSON, "application/zip", MediaType.APPLICATION_OCTET_STREAM, MediaType.WILDCARD})
    @Operation(summary = "Import an HSDS 3.x dataset", description = "The body is the JSON API form (a Page with "
            + "contents, or the array itself, of organisations with nested services or of services with a nested "
            + "organization) or a zip of a CSV datapackage (datapackage.json and its tables); or, without a body, "
            + "url names an https address to fetch it from. dryRun=true answers what would be created, updated, "
            + "skipped (unchanged) or refused, per record, and writes nothing. Applied, the import is refused whole "
            + "(400 naming every problem) when a record would be refused, unless skipRefused=true; unchanged "
            + "organisations are not written. source names the dataset's publisher (default: the URL fetched, or "
            + "the datapackage's homepage or name).")
    public ImportReport importHsds(InputStream body, @QueryParam("dryRun") String dryRun,
            @QueryParam("skipRefused") String skipRefused, @QueryParam("source") String source,
            @QueryParam("url") String url) throws IOException {
        QueryParameters params = new QueryParameters();
        boolean dry = params.bool("dryRun", dryRun).orElse(false);
        boolean skip = params.bool("skipRefused", skipRefused).orElse(false);
        Optional<String> publisher = params.text("source", source, 500);
        Optional<String> from = params.text("url", url, DatasetFetcher.MAX_URL_LENGTH + 1);
        params.throwIfInvalid();
        HsdsDataset dataset;
        if (from.isPresent()) {
            URI uri = fetcher.parse(from.get());
            Buffer fetched = fetcher.fetch(uri);
            dataset = hsdsImport.read(new ByteArrayInputStream(fetched.getBytes()),
                    publisher.orElse(DatasetFetcher.sourceOf(uri)));
        } else {
            dataset = hsdsImport.read(body, publisher.orElse(null));
        }
        return dry ? hsdsImport.dryRun(dataset) : hsdsImport.apply(dataset, skip);
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
