package org.hotline.directory.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.directory.ResourceFile;
import org.hotline.platform.rest.PageParameters;
import org.hotline.platform.rest.ResultPage;

/**
 * The library as the public reads it, without a token: resources published and not retired today, with a link or a
 * file. Anything else answers 404 as if it did not exist, so drafts stay unseen.
 */
@Path("/api/v1/public/resources")
@Tag(name = "Public resources", description = "The published resources of the library, for everyone")
@Produces(MediaType.APPLICATION_JSON)
public class PublicResourceResource {

    private final ResourceViews views;

    public PublicResourceResource(ResourceViews views) {
        this.views = views;
    }

    @GET
    @PermitAll
    @Operation(summary = "Search the published resources", description = "As GET /api/v1/resources, published and "
            + "not retired only, without the state filter.")
    public ResultPage<ResourceView> search(
            @BeanParam PageParameters paging,
            @Parameter(description = "A Need or a TraffickingType") @QueryParam("topic") String topic,
            @Parameter(description = "A ResourceAudience") @QueryParam("audience") String audience,
            @Parameter(description = "A BCP 47 language tag") @QueryParam("language") String language,
            @Parameter(description = "Full-text query over title and summary") @QueryParam("q") String q) {
        return views.search(new ResourceQuery.Raw(topic, audience, language, q, null), paging, true);
    }

    @GET
    @PermitAll
    @Path("/{id}")
    @Operation(summary = "A published resource by id", description = "404 unless published and not retired.")
    public ResourceView get(@PathParam("id") String id) {
        return views.get(id, true);
    }

    @GET
    @PermitAll
    @Path("/{id}/file")
    @Produces({ResourceFile.PDF, "application/problem+json"})
    @Operation(summary = "Download a published resource's PDF", description = "404 unless published, not retired "
            + "and with a file.")
    public Response download(@PathParam("id") String id) {
        return views.download(id, true);
    }
}
