package org.hotline.routing.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.contracts.events.ResourceUpserted;
import org.hotline.routing.CatalogueResource;
import org.hotline.routing.repository.ResourceCatalogueRows;

/**
 * Routing's copy of the directory's resource library, equal to the compacted resources topic: decisions propose
 * from it, never from a call to the directory.
 */
@ApplicationScoped
public class ResourceCatalogue {

    private final ResourceCatalogueRows rows;

    public ResourceCatalogue(ResourceCatalogueRows rows) {
        this.rows = rows;
    }

    /** Takes a published resource from the record at {@code partition}/{@code offset}; an older one is ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(ResourceUpserted resource, int partition, long offset) {
        rows.upsert(resource, partition, offset);
    }

    /** Takes a tombstone: a retired or deleted resource is never proposed again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(UUID resourceId, int partition, long offset) {
        rows.delete(resourceId, partition, offset);
    }

    /** The resources that may be proposed, before their dates are checked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CatalogueResource> current() {
        return rows.live();
    }
}
