package org.hotline.directory.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hotline.directory.repository.OrganizationRepository;
import org.jboss.logging.Logger;

/**
 * Publishes every organisation again, unchanged, for a consumer that must rebuild its copy from the compacted topic
 * (a new consumer, or one whose store was lost). In id order, a chunk per transaction, so a directory of any size
 * goes through without one long transaction; organisations deleted meanwhile are skipped (their tombstone is on the
 * topic already), ones created meanwhile were published by their creation.
 */
@ApplicationScoped
public class DirectoryRepublisher {

    static final int CHUNK = 500;

    private static final Logger LOG = Logger.getLogger(DirectoryRepublisher.class);

    private final OrganizationRepository organizations;
    private final OrganizationDirectory directory;

    public DirectoryRepublisher(OrganizationRepository organizations, OrganizationDirectory directory) {
        this.organizations = organizations;
        this.directory = directory;
    }

    /** @return how many organisations were published */
    public int republishAll() {
        int published = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> organizations.idsAfter(from, CHUNK));
            if (ids.isEmpty()) {
                break;
            }
            published += QuarkusTransaction.requiringNew().call(() -> directory.republish(ids));
            after = ids.get(ids.size() - 1);
        }
        LOG.infof("Republished %d organisation(s)", published);
        return published;
    }
}
