package org.hotline.intake.rest;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.intake.Contact;
import org.hotline.intake.service.AnonymousAccess;

@Path("/api/v1/tips/{reference}")
@Tag(name = "Tips")
@Produces(MediaType.APPLICATION_JSON)
public class TipStatusResource {

    /** The header that carries an anonymous reporter's follow-up code (never a query parameter: URLs get logged). */
    public static final String CODE_HEADER = "Follow-Up-Code";

    private final AnonymousAccess access;

    public TipStatusResource(AnonymousAccess access) {
        this.access = access;
    }

    @GET
    @Path("/status")
    @Operation(summary = "An anonymous reporter reads their tip's status",
            description = "Needs the follow-up code in the Follow-Up-Code header. Wrong codes are limited per "
                    + "reference: past the limit the answer is 429 with Retry-After.")
    public TipStatus status(@PathParam("reference") String reference, @HeaderParam(CODE_HEADER) String code) {
        Contact tip = access.tip(reference, code);
        return new TipStatus(tip.reference(), tip.receivedAt(), tip.status().name());
    }

    /** What an anonymous reporter may see of their tip. */
    public record TipStatus(String reference, Instant receivedAt, String status) {
    }
}
