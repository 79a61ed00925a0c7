package org.hotline.intake.rest;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.contracts.vocabulary.ConsentBasis;
import org.hotline.intake.PersonalData;
import org.hotline.intake.service.PartnerContactDetails;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.security.Roles;

/** A partner opens the contact details of one of its own referrals, where the reporter consented. */
@Path("/api/v1/referrals/{referralId}/contact")
@Tag(name = "Partners", description = "What a partner organisation may read of its own referrals")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerContactResource {

    /** The details: {@code consent} names the consent that lets this partner read them. */
    public record PartnerContactView(UUID referralId, String reference, String consent, String description,
            ContactView.ReporterIdentity reporter, PersonalData.Callback callback, boolean personalDataPurged) {

        @Override
        public String toString() {
            return "PartnerContactView[" + reference + ", personal data redacted]";
        }
    }

    private final PartnerContactDetails details;
    private final SecurityIdentity identity;

    public PartnerContactResource(PartnerContactDetails details, SecurityIdentity identity) {
        this.details = details;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "The contact details of one of the caller's own referrals",
            description = "Only the partner organisation in the token's organization_id that was referred the "
                    + "contact (another organisation's referral or an unknown id: 404), and only where the reporter's "
                    + "consent covers it (a law-enforcement referral: the reporter's consent to law enforcement; any "
                    + "other partner: consentToShareWithPartners); otherwise 403 problem no-consent. Every read, and "
                    + "every refused attempt on a known referral, is recorded in the audit trail.")
    public PartnerContactView contact(@PathParam("referralId") String referralId) {
        UUID id = parse(referralId).orElseThrow(() -> ProblemException.notFound("The referral"));
        UUID organization = organization().orElseThrow(() -> new ProblemException(403, "forbidden", "Forbidden",
                "This partner token names no organisation"));
        PartnerContactDetails.Opened opened = details.open(id, organization);
        PersonalData p = opened.data();
        ContactView.ReporterIdentity reporter = p.reporterName() == null && p.reporterPhone() == null
                && p.reporterEmail() == null ? null
                : new ContactView.ReporterIdentity(p.reporterName(), p.reporterPhone(), p.reporterEmail());
        String consent = opened.referral().lawEnforcement() ? ConsentBasis.REPORTER_CONSENT.name()
                : "CONSENT_TO_SHARE_WITH_PARTNERS";
        return new PartnerContactView(id, opened.reference(), consent, p.description(), reporter, p.callback(),
                opened.purged());
    }

    private Optional<UUID> organization() {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        Object claim = token.getClaim(Roles.ORGANIZATION_CLAIM);
        String text = claim instanceof jakarta.json.JsonString json ? json.getString()
                : claim == null ? null : claim.toString();
        return text == null ? Optional.empty() : parse(text.strip());
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
