package org.hotline.local;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Mints signed bearer tokens (RS256 JWTs, MicroProfile JWT claims) for the local run and for tests. Roles travel in
 * {@code groups}; a partner's organisation in {@code organization_id}. Production tokens come from the OIDC provider
 * instead; the services only ever verify.
 */
public final class TokenMinter {

    /** The roles the services know. */
    public static final Set<String> ROLES = Set.of("agent", "supervisor", "partner", "admin");
    /** The claim that scopes a partner to its own organisation's referrals. */
    public static final String ORGANIZATION_CLAIM = "organization_id";

    private final SigningKeys keys;
    private final String issuer;

    TokenMinter(SigningKeys keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    /** A token for one role; {@code organizationId} is required for, and only allowed with, the partner role. */
    public String mint(String subject, String role, UUID organizationId, Duration lifetime) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("Unknown role '" + role + "'; known: " + ROLES);
        }
        if (role.equals("partner") != (organizationId != null)) {
            throw new IllegalArgumentException("A partner token needs an organisation id, and only a partner token");
        }
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setAudience("hotline");
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setNotBeforeMinutesInThePast(1);
        claims.setExpirationTimeMinutesInTheFuture(Math.max(1, lifetime.toSeconds() / 60f));
        claims.setStringListClaim("groups", List.of(role));
        if (organizationId != null) {
            claims.setClaim(ORGANIZATION_CLAIM, organizationId.toString());
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.key().getPrivateKey());
        jws.setKeyIdHeaderValue(keys.key().getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot sign the token", e);
        }
    }
}
