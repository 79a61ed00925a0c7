package org.hotline.intake.rest;

import org.hotline.platform.rest.ClientAddress;
import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.intake.Contact;
import org.hotline.intake.service.SubmissionLimiter;
import org.hotline.intake.service.TipIntake;

@PermitAll
@Path("/api/v1/tips")
@Tag(name = "Tips", description = "Tips from the public; anonymous allowed")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TipResource {

    private final TipIntake intake;
    private final SubmissionLimiter limiter;

    public TipResource(TipIntake intake, SubmissionLimiter limiter) {
        this.intake = intake;
        this.limiter = limiter;
    }

    @POST
    @Operation(summary = "Submit a tip", description = "Answers 202 with the tip's reference. A retried submission "
            + "with the same Idempotency-Key header and the same body answers with the same reference; the same key "
            + "with a different body is 422 (idempotency-key-reused).")
    public Response submit(
            @HeaderParam("Idempotency-Key")
            @Pattern(regexp = "[A-Za-z0-9_.:-]{8,128}", message = "must be 8-128 letters, digits or _ . : -")
            String idempotencyKey,
            @Valid @NotNull TipSubmission submission,
            HttpServerRequest request) {
        limiter.admit(ClientAddress.of(request));
        TipIntake.Accepted accepted = intake.submit(submission, idempotencyKey);
        Contact tip = accepted.tip();
        return Response.accepted(new TipReceipt(tip.reference(), tip.receivedAt(), tip.status().name(),
                        accepted.followUpCode()))
                .location(URI.create("/api/v1/contacts/" + tip.reference()))
                .build();
    }
}
