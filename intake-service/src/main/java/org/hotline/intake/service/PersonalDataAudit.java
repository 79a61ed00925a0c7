package org.hotline.intake.service;

import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Records every read of personal data: who (the token's subject and roles), what (the contact and the action), when
 * (the database's clock). The table {@code audit.personal_data_access} belongs to another role: intake's role may only
 * insert the who and what columns and read, never change or delete a row (see local-stack's audit-trail.sql).
 * A read that cannot be recorded fails.
 */
@ApplicationScoped
public class PersonalDataAudit {

    private final EntityManager entityManager;
    private final SecurityIdentity identity;

    public PersonalDataAudit(EntityManager entityManager, SecurityIdentity identity) {
        this.entityManager = entityManager;
        this.identity = identity;
    }

    /** Records that the caller is reading the personal data of the contact {@code reference}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRead(String reference, String action) {
        entityManager.createNativeQuery("INSERT INTO audit.personal_data_access (service, actor, roles, action, "
                + "reference) VALUES ('intake-service', :actor, :roles, :action, :reference)")
                .setParameter("actor", identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName())
                .setParameter("roles", String.join(",", new TreeSet<>(identity.getRoles())))
                .setParameter("action", action)
                .setParameter("reference", reference)
                .executeUpdate();
    }
}
