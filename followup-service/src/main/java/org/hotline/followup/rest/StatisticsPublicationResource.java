package org.hotline.followup.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.followup.repository.StatisticsPublicationRepository.Publication;
import org.hotline.followup.service.StatisticsPublisher;
import org.hotline.followup.service.StatisticsPublisher.Published;
import org.hotline.followup.service.StatisticsQuery;
import org.hotline.followup.service.StatisticsReport.Period;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.rest.QueryParameters;
import org.hotline.platform.security.Roles;

/**
 * Published statistics: a supervisor freezes a period's suppressed figures; anyone reads what was published, without
 * a token (and nothing else: the live figures need a staff token).
 */
@Path("/api/v1/statistics/publications")
@Tag(name = "Statistics")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsPublicationResource {

    private final StatisticsPublisher publisher;
    private final SecurityIdentity identity;

    public StatisticsPublicationResource(StatisticsPublisher publisher, SecurityIdentity identity) {
        this.publisher = publisher;
        this.identity = identity;
    }

    /** A request to publish: {@code granularity} defaults to month. */
    public record PublicationRequest(String title, String from, String to, String granularity) {
    }

    /** A publication as listed (no figures). */
    public record PublicationSummary(UUID id, String title, LocalDate from, LocalDate to, String granularity,
            int threshold, Instant publishedAt) {
        static PublicationSummary of(Publication p) {
            return new PublicationSummary(p.id(), p.title(), p.from(), p.to(), p.granularity(), p.threshold(),
                    p.publishedAt());
        }
    }

    /** A publication with its figures: every state together, and each state. */
    public record PublicationView(UUID id, String title, LocalDate from, LocalDate to, String granularity,
            int threshold, Instant publishedAt, List<Period> national, Map<String, List<Period>> states) {
        static PublicationView of(Published published) {
            Publication p = published.publication();
            return new PublicationView(p.id(), p.title(), p.from(), p.to(), p.granularity(), p.threshold(),
                    p.publishedAt(), published.figures().national().periods(), published.figures().states());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Publish a period's figures (whole periods; may not overlap another publication)")
    public Response publish(PublicationRequest request) {
        QueryParameters fields = new QueryParameters();
        if (request == null) {
            fields.reject("title", "is required");
            fields.throwIfInvalid();
        }
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            fields.reject("title", "is required, at most 200 characters");
        }
        Optional<LocalDate> from = fields.date("from", request.from());
        Optional<LocalDate> to = fields.date("to", request.to());
        if (request.from() == null || request.from().isEmpty()) {
            fields.reject("from", "is required");
        }
        if (request.to() == null || request.to().isEmpty()) {
            fields.reject("to", "is required");
        }
        String granularity = fields.oneOf("granularity", request.granularity(), StatisticsQuery.GRANULARITIES)
                .orElse("month");
        if (from.isPresent() && to.isPresent()) {
            if (from.get().isAfter(to.get())) {
                fields.reject("to", "must not be before from");
            } else if (StatisticsQuery.periods(from.get(), to.get(), granularity) > StatisticsRequest.MAX_PERIODS) {
                fields.reject("from", "the range holds more than " + StatisticsRequest.MAX_PERIODS + " periods");
            }
        }
        fields.throwIfInvalid();
        Published published = publisher.publish(title, from.get(), to.get(), granularity,
                identity.getPrincipal().getName());
        return Response.created(URI.create("/api/v1/statistics/publications/" + published.publication().id()))
                .entity(PublicationView.of(published)).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "The published statistics, newest first (public)")
    public List<PublicationSummary> list() {
        return publisher.list().stream().map(PublicationSummary::of).toList();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "One publication's figures (public)")
    public PublicationView find(@PathParam("id") String id) {
        return publisher.find(uuid(id)).map(PublicationView::of).orElseThrow(StatisticsPublicationResource::notFound);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(summary = "Withdraw a publication")
    public Response withdraw(@PathParam("id") String id) {
        if (!publisher.withdraw(uuid(id))) {
            throw notFound();
        }
        return Response.noContent().build();
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    static ProblemException notFound() {
        return new ProblemException(404, "not-found", "Not found", "No such publication");
    }
}
