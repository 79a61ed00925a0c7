package org.hotline.platform.security;

/**
 * The roles a bearer token can carry (in its {@code groups} claim). Endpoints name them in {@code @RolesAllowed};
 * public endpoints say {@code @PermitAll} explicitly, and an endpoint that says neither is denied to everyone.
 */
public final class Roles {

    /** Phone agents: log calls, read the contacts they work on. */
    public static final String AGENT = "agent";
    /** Supervisors: everything agents do, plus the backlog, closures and decisions' reasons. */
    public static final String SUPERVISOR = "supervisor";
    /** A partner organisation: its own referrals only, identified by the {@value #ORGANIZATION_CLAIM} claim. */
    public static final String PARTNER = "partner";
    /** Administrators: the directory and the operations commands (re-publish, rebuild, key rotation). */
    public static final String ADMIN = "admin";

    /** The claim naming the partner's organisation id. */
    public static final String ORGANIZATION_CLAIM = "organization_id";

    private Roles() {
    }
}
