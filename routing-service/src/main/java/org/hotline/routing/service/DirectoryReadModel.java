package org.hotline.routing.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.routing.CandidateSource;
import org.hotline.routing.repository.DirectoryRows;

/**
 * Keeps routing's copy of the directory equal to the compacted organisations topic: the table every instance shares,
 * and through it each instance's {@link DirectoryIndex}.
 */
@ApplicationScoped
public class DirectoryReadModel {

    private final DirectoryRows rows;
    private final DirectoryIndex index;

    public DirectoryReadModel(DirectoryRows rows, DirectoryIndex index) {
        this.rows = rows;
        this.index = index;
    }

    /**
     * Takes a published organisation, as the JSON it was published in, from the record at {@code partition} and
     * {@code offset}; an older version than the one held, or a record already applied, is ignored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(OrganizationUpserted organization, String document, int partition, long offset) {
        rows.upsertLive(organization.id(), organization.name(), organization.version(), document,
                organization.updatedAt(), partition, offset);
    }

    /** Takes a tombstone: the organisation is marked deleted, so every instance's index drops it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(UUID organizationId, int partition, long offset) {
        rows.deleteLive(organizationId, partition, offset);
    }

    /**
     * The directory as referral candidates: this instance's index, brought up to date with every change committed
     * before the call (one indexed query that usually returns nothing).
     */
    public CandidateSource candidates() {
        return index.current();
    }
}
