package org.hotline.directory.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.hotline.directory.config.DirectoryConfig;
import org.hotline.directory.repository.OrganizationRepository;
import org.hotline.directory.rest.OrganizationRequest;
import org.jboss.logging.Logger;

/**
 * Fills an empty directory at start-up with the key numbers ({@value #RESOURCE}), each through
 * {@link OrganizationDirectory#create} so it is validated and published like a POST. The ids in the file are fixed:
 * every environment seeded from it has the same organisation and service ids. All or nothing, in one transaction.
 */
@ApplicationScoped
public class DirectorySeeder {

    static final String RESOURCE = "seed/key-numbers.json";

    private static final Logger LOG = Logger.getLogger(DirectorySeeder.class);

    private final DirectoryConfig config;
    private final OrganizationRepository organizations;
    private final OrganizationDirectory directory;
    private final ObjectMapper mapper;

    public DirectorySeeder(DirectoryConfig config, OrganizationRepository organizations,
            OrganizationDirectory directory, ObjectMapper mapper) {
        this.config = config;
        this.organizations = organizations;
        this.directory = directory;
        this.mapper = mapper;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.seed().enabled()) {
            int seeded = QuarkusTransaction.requiringNew().call(this::seedIfEmpty);
            LOG.infof("Directory seed: %d organisation(s) added", seeded);
        }
    }

    /** Seeds when no organisation exists, inside the caller's transaction; returns how many were added. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int seedIfEmpty() {
        organizations.lockForSeeding();
        if (organizations.count() > 0) {
            return 0;
        }
        List<SeedFile.Entry<OrganizationRequest>> entries = SeedFile.read(mapper, RESOURCE, OrganizationRequest.class);
        entries.forEach(e -> directory.create(e.id(), e.request()));
        return entries.size();
    }
}
