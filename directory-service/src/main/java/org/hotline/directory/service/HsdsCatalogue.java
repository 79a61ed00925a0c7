package org.hotline.directory.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.directory.Service;
import org.hotline.directory.ServiceLocation;
import org.hotline.directory.hsds.Hsds;
import org.hotline.directory.hsds.HsdsExport;
import org.hotline.directory.hsds.HsdsExport.Reader;
import org.hotline.directory.hsds.HsdsPaging;
import org.hotline.directory.repository.HsdsQuery;
import org.hotline.directory.repository.HsdsRepository;

/**
 * The directory read as HSDS documents, for the staff read and the public one ({@link Reader}: the public one never
 * sees a confidential organisation or service, nor a confidential location's address). Each read is one transaction
 * that also covers the export (an organisation's services, phones and schedules load lazily); an ndjson stream reads
 * one keyset batch per call, so each batch is its own short transaction and nothing outlives it.
 */
@ApplicationScoped
public class HsdsCatalogue {

    private final HsdsRepository repository;
    private final HsdsExport export;

    public HsdsCatalogue(HsdsRepository repository, HsdsExport export) {
        this.repository = repository;
        this.export = export;
    }

    /** How much of a service to give: only what tells a consumer which changed, the list item, or fully nested. */
    public enum ServiceDepth {
        MINIMAL, LIST, FULL
    }

    /** One keyset batch of a stream: its documents and the id to continue after (null: the stream is over). */
    public record Batch<T>(List<T> items, UUID last) {
    }

    /** Services in id order. */
    @Transactional
    public Hsds.Page<Hsds.Service> services(HsdsQuery query, HsdsPaging paging, ServiceDepth depth, Reader reader) {
        HsdsRepository.Ids found = repository.services(query, paging.offset(), paging.perPage());
        return paging.of(services(found.ids(), depth, reader), found.total());
    }

    @Transactional
    public Batch<Hsds.Service> servicesAfter(HsdsQuery query, UUID after, int size, ServiceDepth depth, Reader reader) {
        List<UUID> ids = repository.servicesAfter(query, after, size);
        return batch(services(ids, depth, reader), ids);
    }

    @Transactional
    public Optional<Hsds.Service> service(UUID id, Reader reader) {
        if (reader == Reader.PUBLIC && !repository.isPublicService(id)) {
            return Optional.empty();
        }
        return repository.servicesInOrder(List.of(id)).stream().findFirst()
                .map(s -> export.service(s, true, true, reader));
    }

    /** Organisations by name, then id. */
    @Transactional
    public Hsds.Page<Hsds.Organization> organizations(HsdsQuery query, HsdsPaging paging, HsdsExport.Depth depth,
            Reader reader) {
        HsdsRepository.Ids found = repository.organizations(query, paging.offset(), paging.perPage());
        return paging.of(organizations(found.ids(), depth, reader), found.total());
    }

    /** Organisations in id order (a stream has no use for the name order, and keyset batches need a unique key). */
    @Transactional
    public Batch<Hsds.Organization> organizationsAfter(HsdsQuery query, UUID after, int size, HsdsExport.Depth depth,
            Reader reader) {
        List<UUID> ids = repository.organizationsAfter(query, after, size);
        return batch(organizations(ids, depth, reader), ids);
    }

    @Transactional
    public Optional<Hsds.Organization> organization(UUID id, HsdsExport.Depth depth, Reader reader) {
        if (reader == Reader.PUBLIC && !repository.isPublicOrganization(id)) {
            return Optional.empty();
        }
        return organizations(List.of(id), depth, reader).stream().findFirst();
    }

    /** Service_at_locations in id order (the location's id is the service_at_location's key). */
    @Transactional
    public Hsds.Page<Hsds.ServiceAtLocation> serviceAtLocations(HsdsQuery query, HsdsPaging paging, boolean full,
            Reader reader) {
        HsdsRepository.Ids found = repository.serviceAtLocations(query, paging.offset(), paging.perPage());
        return paging.of(serviceAtLocations(found.ids(), full, reader), found.total());
    }

    @Transactional
    public Batch<Hsds.ServiceAtLocation> serviceAtLocationsAfter(HsdsQuery query, UUID after, int size, boolean full,
            Reader reader) {
        List<UUID> ids = repository.serviceAtLocationsAfter(query, after, size);
        return batch(serviceAtLocations(ids, full, reader), ids);
    }

    /** A service_at_location by its own id (as the answers give it), fully nested. */
    @Transactional
    public Optional<Hsds.ServiceAtLocation> serviceAtLocation(UUID id, Reader reader) {
        if (repository.serviceOfServiceAtLocation(id, reader == Reader.PUBLIC) == null) {
            return Optional.empty();
        }
        return serviceAtLocations(List.of(id), true, reader).stream().findFirst();
    }

    private List<Hsds.Service> services(List<UUID> ids, ServiceDepth depth, Reader reader) {
        return repository.servicesInOrder(ids).stream().map(s -> switch (depth) {
            case MINIMAL -> minimal(s);
            case LIST -> export.service(s, false, true, reader);
            case FULL -> export.service(s, true, true, reader);
        }).toList();
    }

    private List<Hsds.Organization> organizations(List<UUID> ids, HsdsExport.Depth depth, Reader reader) {
        return repository.organizationsInOrder(ids).stream().map(o -> export.organization(o, depth, reader)).toList();
    }

    private List<Hsds.ServiceAtLocation> serviceAtLocations(List<UUID> ids, boolean full, Reader reader) {
        Map<UUID, UUID> services = repository.servicesOfLocations(ids);
        Map<UUID, Service> byId = new java.util.HashMap<>();
        repository.servicesInOrder(services.values().stream().filter(java.util.Objects::nonNull).distinct().toList())
                .forEach(s -> byId.put(s.id(), s));
        return ids.stream().map(id -> {
            Service s = byId.get(services.get(id));
            ServiceLocation location = s == null ? null : s.locations().stream()
                    .filter(l -> l.serviceAtLocationId().equals(id)).findFirst().orElse(null);
            return location == null ? null : export.serviceAtLocation(s, location, full, reader);
        }).filter(java.util.Objects::nonNull).toList();
    }

    private static <T> Batch<T> batch(List<T> items, List<UUID> ids) {
        return new Batch<>(items, ids.isEmpty() ? null : ids.get(ids.size() - 1));
    }

    /** What a consumer needs to tell which services changed, and what the schema requires. */
    private static Hsds.Service minimal(Service s) {
        return new Hsds.Service(s.id(), null, s.name(), "active", null, s.organization().updatedAt().toString(),
                null, null, null, null, null, null);
    }
}
