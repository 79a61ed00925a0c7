package org.hotline.console.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** directory-service, called as the signed-in person. */
@RegisterRestClient(configKey = "directory")
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1/organizations")
public interface DirectoryApi {

    @GET
    @Path("/{id}")
    Organization organization(@PathParam("id") UUID id);

    /** directory's search (full text {@code q}, {@code state}, {@code need}), its ranking, paged from 0. */
    @GET
    ResultPage<Organization> search(@QueryParam("q") String q, @QueryParam("state") String state,
            @QueryParam("need") String need, @QueryParam("page") int page, @QueryParam("size") int size);

    /** Never verified, then the longest unverified first: directory's verification list. */
    @GET
    @Path("/verification-due")
    ResultPage<Organization> verificationDue(@QueryParam("page") int page, @QueryParam("size") int size);

    /**
     * The whole organisation as directory sends it. An edit changes only what the page edits and sends everything
     * else back as it came, because {@code PUT} replaces the whole organisation.
     */
    @GET
    @Path("/{id}")
    ObjectNode document(@PathParam("id") UUID id);

    /** Replaces the organisation; {@code If-Match} holds the version the administrator edited (412 if it moved). */
    @PUT
    @Path("/{id}")
    ObjectNode replace(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            ObjectNode organization);
}
