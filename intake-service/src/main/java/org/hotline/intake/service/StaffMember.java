package org.hotline.intake.service;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is acting, as history and suggestions record it: the token's subject ({@code sub}), never a name. */
@RequestScoped
public class StaffMember {

    private final SecurityIdentity identity;

    public StaffMember(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }
}
