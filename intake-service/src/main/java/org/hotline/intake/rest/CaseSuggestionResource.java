package org.hotline.intake.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.intake.service.CaseSuggestions;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.security.Roles;

@RolesAllowed({Roles.AGENT, Roles.SUPERVISOR})
@Path("/api/v1/contacts/{reference}/case-suggestions")
@Tag(name = "Cases", description = "Signals about one situation linked into a case")
@Produces(MediaType.APPLICATION_JSON)
public class CaseSuggestionResource {

    private final CaseSuggestions suggestions;

    public CaseSuggestionResource(CaseSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    @GET
    @Operation(summary = "The open cases this signal may belong to, best first, with the reasons",
            description = "Computed when the signal was stored, from blind indexes and text signatures (nothing is "
                    + "decrypted): PHONE, EMAIL, VENUE, TEXT, PLACE, TYPOLOGY, TIME_WINDOW.")
    public List<CaseSuggestions.Shown> list(@PathParam("reference") String reference) {
        return suggestions.of(reference);
    }

    @POST
    @Path("/{id}/confirmation")
    @Operation(summary = "Confirm a suggestion: the signal is linked to the case", description = "Who and when are "
            + "kept; 409 when already decided or the signal belongs to a case.")
    public CaseSuggestions.Shown confirm(@PathParam("reference") String reference, @PathParam("id") String id) {
        return suggestions.confirm(reference, uuid(id));
    }

    @POST
    @Path("/{id}/rejection")
    @Operation(summary = "Reject a suggestion", description = "Who and when are kept; 409 when already decided.")
    public CaseSuggestions.Shown reject(@PathParam("reference") String reference, @PathParam("id") String id) {
        return suggestions.reject(reference, uuid(id));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("The suggestion");
        }
    }
}
