package org.hotline.intake.rest;

import org.hotline.platform.rest.ClientAddress;
import java.time.Instant;
import java.util.List;
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
import org.hotline.intake.service.ReporterReplies;
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
    private final ReporterReplies replies;

    public TipStatusResource(AnonymousAccess access, TipMessages messages, SubmissionLimiter limiter,
            ReporterReplies replies) {
        this.access = access;
        this.messages = messages;
        this.limiter = limiter;
        this.replies = replies;
    }

    @GET
    @Path("/status")
    @Operation(summary = "An anonymous reporter reads their tip's status",
            description = "Needs the follow-up code in the Follow-Up-Code header. Answers the status and the staff's "
                    + "replies, oldest first. Wrong codes are limited per reference and per client: past the limit "
                    + "the answer is 429 with Retry-After.")
    public TipStatus status(@PathParam("reference") String reference, @HeaderParam(CODE_HEADER) String code,
            HttpServerRequest request) {
        Contact tip = access.tip(reference, code, ClientAddress.of(request));
        return TipStatus.of(tip, replies.forReporter(tip));
    }

    @POST
    @Path("/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "An anonymous reporter adds information to their tip",
            description = "Needs the follow-up code in the Follow-Up-Code header. Answers 202; the message's "
                    + "indicators and needs are published for routing, the text stays with intake.")
    public Response addMessage(@PathParam("reference") String reference, @HeaderParam(CODE_HEADER) String code,
            @Valid @NotNull TipMessageSubmission submission, HttpServerRequest request) {
        String client = ClientAddress.of(request);
        limiter.admit(client);
        TipMessage message = messages.add(access.tip(reference, code, client), submission);
        return Response.accepted(new MessageReceipt(message.id(), message.receivedAt())).build();
    }

    /** Answer to an added message. */
    public record MessageReceipt(UUID messageId, Instant receivedAt) {
    }

    /** What an anonymous reporter may see of their tip: its status and the staff's replies (never internal notes). */
    public record TipStatus(String reference, Instant receivedAt, String status,
            List<ReporterReplies.ReporterReply> replies) {

        public static TipStatus of(Contact tip, List<ReporterReplies.ReporterReply> replies) {
            return new TipStatus(tip.reference(), tip.receivedAt(), tip.status().name(), replies);
        }
    }
}
