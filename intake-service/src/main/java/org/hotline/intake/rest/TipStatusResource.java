package org.hotline.intake.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.intake.Contact;
import org.hotline.intake.TipMessage;
import org.hotline.intake.service.AnonymousAccess;
import org.hotline.intake.service.SubmissionLimiter;
import org.hotline.intake.service.TipMessages;

@PermitAll
@Path("/api/v1/tips/{reference}")
@Tag(name = "Tips")
@Produces(MediaType.APPLICATION_JSON)
public class TipStatusResource {

    /** The header that carries an anonymous reporter's follow-up code (never a query parameter: URLs get logged). */
    public static final String CODE_HEADER = "Follow-Up-Code";

    private final AnonymousAccess access;
    private final TipMessages messages;
    private final SubmissionLimiter limiter;

    public TipStatusResource(AnonymousAccess access, TipMessages messages, SubmissionLimiter limiter) {
        this.access = access;
        this.messages = messages;
        this.limiter = limiter;
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

    @POST
    @Path("/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "An anonymous reporter adds information to their tip",
            description = "Needs the follow-up code in the Follow-Up-Code header. Answers 202; the message's "
                    + "indicators and needs are published for routing, the text stays with intake.")
    public Response addMessage(@PathParam("reference") String reference, @HeaderParam(CODE_HEADER) String code,
            @Valid @NotNull TipMessageSubmission submission, HttpServerRequest request) {
        limiter.admit(request.remoteAddress().hostAddress());
        TipMessage message = messages.add(access.tip(reference, code), submission);
        return Response.accepted(new MessageReceipt(message.id(), message.receivedAt())).build();
    }

    /** Answer to an added message. */
    public record MessageReceipt(UUID messageId, Instant receivedAt) {
    }

    /** What an anonymous reporter may see of their tip. */
    public record TipStatus(String reference, Instant receivedAt, String status) {
    }
}
