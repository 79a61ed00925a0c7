package org.hotline.console.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** directory-service's resource library, called as the signed-in person (same service as {@link DirectoryApi}). */
@RegisterRestClient(configKey = "directory")
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1/resources")
public interface ResourceLibraryApi {

    /** directory's search of the library: full text {@code q}, a topic, a state; paged from 0. */
    @GET
    ResultPage<LibraryResource> search(@QueryParam("q") String q, @QueryParam("topic") String topic,
            @QueryParam("state") String state, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/{id}")
    LibraryResource get(@PathParam("id") String id);

    @POST
    LibraryResource create(ObjectNode resource);

    /** Replaces the resource; {@code If-Match} holds the version the administrator edited (412 if it moved). */
    @PUT
    @Path("/{id}")
    LibraryResource replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            ObjectNode resource);

    @POST
    @Path("/{id}/retire")
    LibraryResource retire(@PathParam("id") String id);

    /** Attaches the PDF; directory checks its bytes and size. */
    @PUT
    @Path("/{id}/file")
    @Consumes("application/pdf")
    LibraryResource attach(@PathParam("id") String id, @QueryParam("fileName") String fileName, byte[] content);
}
