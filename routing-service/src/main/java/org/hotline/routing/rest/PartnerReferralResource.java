package org.hotline.routing.rest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.contracts.vocabulary.ReferralOutcome;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.rest.QueryParameters;
import org.hotline.platform.security.Roles;
import org.hotline.routing.FeedCursor;
import org.hotline.routing.service.PartnerReferrals;

/**
 * The partner feed over HTTP, for partners that do not read Kafka. A partner reads and acknowledges only its own
 * organisation's referrals (its token's organisation claim, see {@link CallerScope}); supervisors see every partner's.
 */
@Path("/api/v1")
@Tag(name = "Partner referrals", description = "Referrals issued to a partner organisation, and their acknowledgement")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerReferralResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final PartnerReferrals partnerReferrals;
    private final CallerScope scope;

    public PartnerReferralResource(PartnerReferrals partnerReferrals, CallerScope scope) {
        this.partnerReferrals = partnerReferrals;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.SUPERVISOR, Roles.ADMIN})
    @Path("/partners/{organizationId}/referrals")
    @Operation(summary = "Referrals issued to an organisation, oldest first, resumable from the last cursor")
    public ReferralFeedPage feed(@PathParam("organizationId") String organizationId,
            @Parameter(description = "The nextCursor of an earlier answer; absent: from the first referral")
            @QueryParam("after") String after,
            @Parameter(description = "Referrals per page, 1 to 200 (default 50)") @QueryParam("limit") String limit) {
        Optional<UUID> organization = uuid(organizationId);
        scope.requireAccessTo(organization, Roles.SUPERVISOR, Roles.ADMIN);
        QueryParameters params = new QueryParameters();
        int size = params.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        params.throwIfInvalid();
        Optional<FeedCursor> cursor = cursor(after);
        if (organization.isEmpty()) {
            // No organisation has this id, so none has referrals: an empty page, as for any unknown organisation.
            return new ReferralFeedPage(List.of(), cursor.map(FeedCursor::encode).orElse(null));
        }
        PartnerReferrals.Page page = partnerReferrals.feed(organization.get(), cursor, size);
        return new ReferralFeedPage(page.items().stream().map(PartnerReferralView::of).toList(),
                page.next().map(FeedCursor::encode).orElse(null));
    }

    @POST
    @RolesAllowed({Roles.PARTNER, Roles.SUPERVISOR})
    @Path("/referrals/{referralId}/acknowledgement")
    @Operation(summary = "Acknowledge a referral (idempotent: a repeat answers the same and publishes nothing)")
    public PartnerReferralView acknowledge(@PathParam("referralId") String referralId) {
        UUID id = uuid(referralId).orElseThrow(() -> ProblemException.notFound("A referral with this id"));
        return PartnerReferralView.of(partnerReferrals.acknowledge(id,
                organization -> scope.requireAccessTo(Optional.of(organization), Roles.SUPERVISOR)));
    }

    @POST
    @RolesAllowed({Roles.PARTNER, Roles.SUPERVISOR})
    @Path("/referrals/{referralId}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record what came of a referral",
            description = "outcome: CONTACTED, SERVICES_PROVIDED, CASE_OPENED, UNABLE_TO_REACH or DECLINED. "
                    + "Published as hotline.referral.outcome-recorded; the same outcome again publishes nothing, a "
                    + "later different one replaces it. A partner records outcomes for its own organisation's "
                    + "referrals only. note: routing keeps no personal data, so a note is refused (400) until the "
                    + "hotline can keep partner notes sealed; tell the hotline what matters by phone.")
    public PartnerReferralView recordOutcome(@PathParam("referralId") String referralId,
            @Valid @NotNull OutcomeReport report) {
        UUID id = uuid(referralId).orElseThrow(() -> ProblemException.notFound("A referral with this id"));
        return PartnerReferralView.of(partnerReferrals.recordOutcome(id, report.outcome(),
                organization -> scope.requireAccessTo(Optional.of(organization), Roles.SUPERVISOR)));
    }

    /**
     * Body of an outcome. A note would be free text about people, which routing must not hold (it keeps no personal
     * data and has no sealed store): refused rather than silently dropped.
     */
    public record OutcomeReport(@NotNull ReferralOutcome outcome,
            @Pattern(regexp = "\\s*", message = "is not kept: routing holds no personal data; leave it out")
            String note) {

        @Override
        public String toString() {
            return "OutcomeReport[" + outcome + ", note redacted]";
        }
    }

    private static Optional<FeedCursor> cursor(String after) {
        if (after == null) {
            return Optional.empty();
        }
        return Optional.of(FeedCursor.decode(after)
                .orElseThrow(() -> ProblemException.invalid("after", "must be a nextCursor this feed returned")));
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
