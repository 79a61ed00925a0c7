package org.hotline.console.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** followup-service's statistics (small counts already suppressed there), called as the signed-in person. */
@RegisterRestClient(configKey = "followup")
@RegisterProvider(AccessTokenPropagation.class)
@Path("/api/v1/statistics")
public interface StatisticsApi {

    @GET
    Statistics get(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("granularity") String granularity, @QueryParam("state") String state);
}
