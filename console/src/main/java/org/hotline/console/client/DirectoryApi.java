package org.hotline.console.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

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
}
