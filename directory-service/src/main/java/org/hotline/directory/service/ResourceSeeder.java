package org.hotline.directory.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.hotline.directory.config.DirectoryConfig;
import org.hotline.directory.repository.ResourceRepository;
import org.hotline.directory.rest.ResourceRequest;
import org.jboss.logging.Logger;

/**
 * Fills an empty library at start-up with the resources of {@value #RESOURCE}: two real public ones the hotline's own
 * documents describe (the key numbers card, the chart of the NHTRC's services) and examples whose titles start with
 * "Example —". Each goes through {@link ResourceLibrary#create}, so it is validated and published like a POST; ids
 * are fixed ({@code 5eed0002-…}). Under an advisory lock, in one transaction: instances starting together seed once,
 * and a library with any resource is left alone.
 */
@ApplicationScoped
public class ResourceSeeder {

    static final String RESOURCE = "seed/resources.json";

    private static final Logger LOG = Logger.getLogger(ResourceSeeder.class);

    private final DirectoryConfig config;
    private final ResourceRepository resources;
    private final ResourceLibrary library;
    private final ObjectMapper mapper;

    public ResourceSeeder(DirectoryConfig config, ResourceRepository resources, ResourceLibrary library,
            ObjectMapper mapper) {
        this.config = config;
        this.resources = resources;
        this.library = library;
        this.mapper = mapper;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.seed().enabled()) {
            int seeded = QuarkusTransaction.requiringNew().call(this::seedIfEmpty);
            LOG.infof("Resource library seed: %d resource(s) added", seeded);
        }
    }

    /** Seeds when the library is empty, inside the caller's transaction; returns how many were added. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int seedIfEmpty() {
        resources.lockForSeeding();
        if (resources.count() > 0) {
            return 0;
        }
        List<SeedFile.Entry<ResourceRequest>> entries = SeedFile.read(mapper, RESOURCE, ResourceRequest.class);
        entries.forEach(e -> library.create(e.id(), e.request()));
        return entries.size();
    }
}
