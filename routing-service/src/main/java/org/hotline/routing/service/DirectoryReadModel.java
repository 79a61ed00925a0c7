package org.hotline.routing.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.routing.CandidateSource;
import org.hotline.routing.DirectoryOrganization;
import org.hotline.routing.DirectorySnapshot;
import org.hotline.routing.repository.DirectoryRepository;

/** Keeps routing's copy of the directory equal to the compacted organisations topic. */
@ApplicationScoped
public class DirectoryReadModel {

    private final DirectoryRepository organizations;

    public DirectoryReadModel(DirectoryRepository organizations) {
        this.organizations = organizations;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(OrganizationUpserted organization) {
        organizations.findByIdOptional(organization.id()).ifPresentOrElse(
                held -> held.replaceWith(organization),
                () -> organizations.persist(new DirectoryOrganization(organization)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(UUID organizationId) {
        organizations.deleteById(organizationId);
    }

    /**
     * The whole read model as referral candidates. Loaded per decision for now; an index or cache for a directory of
     * tens of thousands of organisations can replace it behind {@link CandidateSource} without touching the selector.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CandidateSource candidates() {
        return DirectorySnapshot.of(organizations.listAll().stream().map(DirectoryOrganization::document).toList());
    }

    public long size() {
        return organizations.count();
    }
}
