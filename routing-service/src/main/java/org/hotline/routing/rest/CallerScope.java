package org.hotline.routing.rest;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.security.Roles;

/**
 * Which organisation's referrals the caller may touch: staff roles that may see every partner's referrals are not
 * scoped; a partner is scoped to the organisation in its token's {@value Roles#ORGANIZATION_CLAIM} claim (a partner
 * token without a readable claim is scoped to nothing). Another organisation's feed or referral answers 403 (an
 * unknown referral id still answers 404: referral ids are random and only ever given to their own partner).
 */
@RequestScoped
public class CallerScope {

    private final SecurityIdentity identity;

    public CallerScope(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * Fails with 403 unless the caller holds one of {@code unscopedRoles} or is a partner of {@code organizationId}
     * (empty: an id that names no organisation).
     */
    public void requireAccessTo(Optional<UUID> organizationId, String... unscopedRoles) {
        for (String role : unscopedRoles) {
            if (identity.hasRole(role)) {
                return;
            }
        }
        Optional<UUID> own = partnerOrganization();
        if (own.isEmpty() || organizationId.isEmpty() || !own.get().equals(organizationId.get())) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "A partner may only act on its own organisation's referrals and webhooks");
        }
    }

    /** The organisation of a partner token, if the caller is a partner and its claim is an id. */
    private Optional<UUID> partnerOrganization() {
        if (!identity.hasRole(Roles.PARTNER) || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        Object claim = token.getClaim(Roles.ORGANIZATION_CLAIM);
        String text = claim instanceof jakarta.json.JsonString json ? json.getString()
                : claim == null ? null : claim.toString();
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
