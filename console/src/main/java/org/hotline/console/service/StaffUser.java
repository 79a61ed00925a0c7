package org.hotline.console.service;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is signed in, as the pages need it: a display name, the roles (from the access token's {@code groups}, as the
 * services read them) and a partner's organisation (the {@code organization_id} claim).
 */
@RequestScoped
@jakarta.inject.Named("staffUser")
public class StaffUser {

    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    public static final String PARTNER = "partner";
    public static final String ORGANIZATION_CLAIM = "organization_id";

    private final SecurityIdentity identity;

    @Inject
    public StaffUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** In web-app mode the principal is the ID token (Keycloak maps the same claims into it). */
    private Object claim(String name) {
        return identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(name) : null;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    /** The name shown in the header: the person's user name, never an e-mail address or phone. */
    public String name() {
        if (identity.isAnonymous()) {
            return "";
        }
        Object username = claim("preferred_username");
        return username != null ? username.toString() : identity.getPrincipal().getName();
    }

    /** The person's subject ({@code sub}), as the services record who did what (a case's assignee, say). */
    public String subject() {
        return identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject() : identity.getPrincipal().getName();
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean agent() {
        return identity.hasRole(AGENT);
    }

    public boolean supervisor() {
        return identity.hasRole(SUPERVISOR);
    }

    public boolean admin() {
        return identity.hasRole(ADMIN);
    }

    public boolean partner() {
        return identity.hasRole(PARTNER);
    }

    /** Agents and supervisors: the people who work contacts and follow-ups. */
    public boolean staff() {
        return agent() || supervisor();
    }

    /** The partner's own organisation, when the token names a well-formed one. */
    public Optional<UUID> organization() {
        Object claim = claim(ORGANIZATION_CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(claim.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
