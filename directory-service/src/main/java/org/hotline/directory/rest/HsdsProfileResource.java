package org.hotline.directory.rest;

import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.directory.hsds.HsdsProfile;
import org.hotline.platform.problem.ProblemException;

/**
 * The hotline HSDS profile where HSDS's profile specification puts it, under the profile URI ({@code /hsds}):
 * {@code /profile} its JSON Merge Patches, {@code /schema} the schemas compiled from them. Open to anyone: they
 * describe the data, they are not data, and a validator must be able to fetch what {@code openapi.json} refers to.
 */
@Path("/hsds")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open Referral HSDS 3.0")
public class HsdsProfileResource {

    private final HsdsProfile profile;

    public HsdsProfileResource(HsdsProfile profile) {
        this.profile = profile;
    }

    @GET
    @Path("/profile")
    @Operation(summary = "The profile's patches", description = "Every JSON Merge Patch (RFC 7396) of the hotline "
            + "profile, by the name of the HSDS 3.0 file it modifies.")
    public Map<String, JsonNode> patches() {
        return new TreeMap<>(profile.patches());
    }

    @GET
    @Path("/profile/{name}")
    @Operation(summary = "One patch of the profile", description = "e.g. service.json or openapi.json.")
    public JsonNode patch(@PathParam("name") String name) {
        JsonNode patch = profile.patches().get(name);
        if (patch == null) {
            throw ProblemException.notFound("The patch");
        }
        return patch;
    }

    @GET
    @Path("/schema")
    @Operation(summary = "The profile's schemas", description = "The names served under /hsds/schema/: each HSDS "
            + "object schema with the profile's patch applied, compiled/<name> the fully dereferenced ones HSDS's "
            + "openapi.json answers with, and openapi.json itself.")
    public Map<String, String> schemas() {
        Map<String, String> index = new TreeMap<>();
        profile.schemas().keySet().forEach(name -> index.put(name, profile.uri() + "/schema/" + name));
        return index;
    }

    @GET
    @Path("/schema/{name: .+}")
    @Operation(summary = "One schema of the profile", description = "e.g. compiled/service.json.")
    public JsonNode schema(@PathParam("name") String name) {
        return profile.schema(name).orElseThrow(() -> ProblemException.notFound("The schema"));
    }
}
