package org.hotline.directory.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.directory.OfferedService;
import org.hotline.directory.Weekday;
import org.hotline.directory.config.DirectoryConfig;
import org.hotline.directory.rest.OrganizationRequest;
import org.hotline.generator.DirectoryGenerator;
import org.hotline.platform.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Loads a synthetic directory from the deterministic {@link DirectoryGenerator} (demos, benchmarks): each generated
 * organisation is validated like a request, created or replaced with its generated ids, and published through the
 * outbox like any other. A chunk of organisations per transaction, flushed in JDBC batches.
 */
@ApplicationScoped
public class DirectoryGeneration {

    public static final int MAX_COUNT = 100_000;
    public static final long DEFAULT_SEED = 42;
    static final int CHUNK = 500;

    private static final Logger LOG = Logger.getLogger(DirectoryGeneration.class);

    private final OrganizationDirectory directory;
    private final Validator validator;
    private final boolean enabled;

    public DirectoryGeneration(OrganizationDirectory directory, Validator validator, DirectoryConfig config) {
        this.directory = directory;
        this.validator = validator;
        this.enabled = config.generator().enabled();
    }

    /** What a generation did. */
    public record Result(int organizations, int created, int replaced) {
    }

    /**
     * Refuses (404) unless this instance may load a generated directory. Asked before anything else, parameters
     * included: a real directory never gets fictional organisations by accident.
     */
    public void requireEnabled() {
        if (!enabled) {
            throw new ProblemException(404, "not-found", "Not found", "Loading a generated directory is switched off "
                    + "on this instance (hotline.directory.generator.enabled=false, the default)");
        }
    }

    /** Loads {@code count} (1 to {@link #MAX_COUNT}) generated organisations of the generator's {@code seed}. */
    public Result generate(int count, long seed) {
        requireEnabled();
        return load(new DirectoryGenerator(seed), count);
    }

    private Result load(DirectoryGenerator generator, int count) {
        long start = System.nanoTime();
        int created = 0;
        Iterator<OrganizationUpserted> generated = generator.organizations(count).iterator();
        List<OrganizationDirectory.Put> chunk = new ArrayList<>(CHUNK);
        while (generated.hasNext()) {
            chunk.add(put(generated.next()));
            if (chunk.size() == CHUNK || !generated.hasNext()) {
                List<OrganizationDirectory.Put> puts = List.copyOf(chunk);
                created += QuarkusTransaction.requiringNew().call(() -> directory.putAll(puts, "generated[%d]."));
                chunk.clear();
            }
        }
        LOG.infof("Generated directory (seed %d): %d organisation(s), %d created, in %.1f s", generator.seed(),
                count, created, (System.nanoTime() - start) / 1e9);
        return new Result(count, created, count - created);
    }

    /** The generated event as a request (generated organisations have no description), validated like one. */
    private OrganizationDirectory.Put put(OrganizationUpserted o) {
        List<OfferedService> services = o.services().stream().map(DirectoryGeneration::service).toList();
        OrganizationRequest request = new OrganizationRequest(o.name(), null, o.lawEnforcement(),
                o.emergencyDispatch(), List.copyOf(o.audiences()), List.copyOf(o.languages()), o.lastVerifiedOn(),
                services);
        Set<ConstraintViolation<OrganizationRequest>> invalid = validator.validate(request);
        if (!invalid.isEmpty()) {
            // The generator's output breaking the directory's rules is a bug here, not a bad request.
            throw new IllegalStateException("Generated organisation " + o.id() + " is invalid at "
                    + invalid.stream().map(v -> v.getPropertyPath().toString()).sorted()
                            .collect(Collectors.joining(", ")));
        }
        return new OrganizationDirectory.Put(o.id(), request, o.updatedAt());
    }

    private static OfferedService service(OrganizationUpserted.Service s) {
        OrganizationUpserted.Hours h = s.hours();
        List<OfferedService.WeeklyHours> weekly = h.weekly().stream()
                .map(w -> new OfferedService.WeeklyHours(w.days().stream().map(Weekday::valueOf).toList(),
                        w.opens(), w.closes()))
                .toList();
        OrganizationUpserted.Area a = s.area();
        return new OfferedService(s.id(), s.name(), List.copyOf(s.needs()), s.phone(),
                new OfferedService.Hours(h.timeZone(), h.open24h(), weekly, List.copyOf(h.closedDates())),
                new OfferedService.Area(a.national(), List.copyOf(a.states()), List.copyOf(a.counties()),
                        List.copyOf(a.postalCodes())));
    }
}
