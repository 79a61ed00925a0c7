package org.hotline.directory.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.hotline.contracts.EventType;
import org.hotline.directory.OfferedService;
import org.hotline.directory.Organization;
import org.hotline.directory.messaging.OrganizationEvents;
import org.hotline.directory.repository.OrganizationRepository;
import org.hotline.directory.rest.OrganizationRequest;
import org.hotline.platform.outbox.OutboxWriter;
import org.hotline.platform.problem.Problem;
import org.hotline.platform.problem.ProblemException;

/**
 * Creates, replaces and deletes organisations. Each change and its event on the compacted organisations topic (the
 * full state keyed by organisation id, or a tombstone) are written in one transaction through the outbox.
 */
@ApplicationScoped
public class OrganizationDirectory {

    private final OrganizationRepository organizations;
    private final OutboxWriter outbox;
    private final Clock clock;

    public OrganizationDirectory(OrganizationRepository organizations, OutboxWriter outbox, Clock clock) {
        this.organizations = organizations;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Stores a new organisation under {@code id} (random for the API, fixed for the seed) and publishes it. Every
     * organisation enters the directory through here or {@link #putAll}, so the seed is validated and published like a
     * POST.
     */
    @Transactional
    public Organization create(@NotNull UUID id, @NotNull @Valid OrganizationRequest request) {
        List<OfferedService> services = services(id, request, "");
        Organization organization = Organization.create(id, details(request), services, now());
        organizations.persist(organization);
        organizations.flush();
        outbox.append(id.toString(), OrganizationEvents.upserted(organization));
        return organization;
    }

    /**
     * Replaces the whole organisation and publishes the new state with the next version.
     *
     * @param expectedVersion the version the caller last read ({@code If-Match}); {@code null} replaces any version
     * @throws ProblemException 404 for an unknown id, 412 when {@code expectedVersion} is not the current version,
     *                          409 when another change won the race
     */
    @Transactional
    public Organization replace(@NotNull UUID id, Long expectedVersion, @NotNull @Valid OrganizationRequest request) {
        Organization organization = find(id);
        if (expectedVersion != null && expectedVersion != organization.version()) {
            throw new ProblemException(412, "precondition-failed", "Precondition failed",
                    "The organisation is at version " + organization.version() + ", not " + expectedVersion
                            + "; read it again and reapply the change");
        }
        organization.replace(details(request), services(id, request, ""), now());
        flushChange();
        outbox.append(id.toString(), OrganizationEvents.upserted(organization));
        return organization;
    }

    /** One organisation to create or replace in {@link #putAll}. */
    public record Put(UUID id, OrganizationRequest request, Instant updatedAt) {
    }

    /**
     * Creates or replaces each organisation with an already validated request, inside the caller's transaction
     * (import and generation write many per transaction), and publishes each. The changes are flushed together, so
     * the inserts go to the database in batches. Service ids must not repeat among {@code puts}.
     *
     * @param puts  the organisations; {@code updatedAt} is the modification time to keep (an import keeps its
     *              source's), or null for now
     * @param field prefix of violation fields by position in {@code puts}, e.g. {@code organizations[%d].}
     * @return how many were created (the others were replaced)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int putAll(List<Put> puts, String field) {
        Map<UUID, Organization> existing = new HashMap<>();
        organizations.findAllInOrder(puts.stream().map(Put::id).toList()).forEach(o -> existing.put(o.id(), o));
        List<Organization> changed = new ArrayList<>(puts.size());
        int created = 0;
        for (int i = 0; i < puts.size(); i++) {
            Put put = puts.get(i);
            List<OfferedService> services = services(put.id(), put.request(), field.formatted(i));
            Instant at = put.updatedAt() == null ? now() : put.updatedAt().truncatedTo(ChronoUnit.MICROS);
            Organization organization = existing.get(put.id());
            if (organization == null) {
                organization = Organization.create(put.id(), details(put.request()), services, at);
                organizations.persist(organization);
                created++;
            } else {
                organization.replace(details(put.request()), services, at);
            }
            changed.add(organization);
        }
        flushChange();
        changed.forEach(o -> outbox.append(o.id().toString(), OrganizationEvents.upserted(o)));
        return created;
    }

    /** Deletes the organisation and publishes a tombstone for its id. */
    @Transactional
    public void delete(@NotNull UUID id) {
        organizations.delete(find(id));
        outbox.appendTombstone(EventType.ORGANIZATION_UPSERTED, id.toString());
    }

    /**
     * Publishes the current state of each organisation again, unchanged (same version), for a consumer that must
     * rebuild its copy from the topic; ids that no longer exist are skipped. Inside the caller's transaction.
     *
     * @return how many were published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int republish(List<UUID> ids) {
        List<Organization> found = organizations.findAllInOrder(ids);
        found.forEach(o -> outbox.append(o.id().toString(), OrganizationEvents.upserted(o)));
        return found.size();
    }

    private void flushChange() {
        try {
            organizations.flush(); // increments the version, which the event must carry
        } catch (OptimisticLockException e) {
            throw new ProblemException(409, "conflict", "Conflict",
                    "The organisation was changed by another request at the same time; read it again");
        }
    }

    private Organization find(UUID id) {
        return organizations.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Organization " + id));
    }

    private static Organization.Details details(OrganizationRequest r) {
        return new Organization.Details(r.name().strip(),
                r.description() == null || r.description().isBlank() ? null : r.description(),
                r.lawEnforcement(), r.emergencyDispatch(),
                r.audiences() == null ? List.of() : r.audiences().stream().distinct().sorted().toList(),
                r.languages() == null ? List.of() : r.languages().stream().distinct().sorted().toList(),
                r.lastVerifiedOn(), r.confidential());
    }

    /**
     * The request's services as stored, with ids assigned where missing. Refuses a service that covers no place, and
     * a service id sent twice or already used by another organisation's service.
     */
    private List<OfferedService> services(UUID organizationId, OrganizationRequest request, String field) {
        List<OfferedService> requested = request.services() == null ? List.of() : request.services();
        List<Problem.Violation> violations = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        List<OfferedService> services = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            OfferedService service = requested.get(i);
            if (!service.area().coversSomewhere()) {
                violations.add(new Problem.Violation(field + "services[" + i + "].area",
                        "must be national or list states, counties or postal codes"));
            }
            if (service.id() != null && !seen.add(service.id())) {
                violations.add(new Problem.Violation(field + "services[" + i + "].id",
                        "is used by another service here"));
            }
            services.add(service.normalized(service.id() != null ? service.id() : UUID.randomUUID()));
        }
        Set<UUID> takenElsewhere = Set.copyOf(organizations.serviceIdsUsedElsewhere(organizationId, seen));
        for (int i = 0; i < requested.size(); i++) {
            UUID serviceId = requested.get(i).id();
            if (serviceId != null && takenElsewhere.contains(serviceId)) {
                violations.add(new Problem.Violation(field + "services[" + i + "].id",
                        "is the id of another organisation's service"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request",
                    "The request has " + violations.size() + " invalid field(s)", violations);
        }
        return services;
    }

    /** Truncated to what PostgreSQL stores, so the event and a later read show the same instant. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
