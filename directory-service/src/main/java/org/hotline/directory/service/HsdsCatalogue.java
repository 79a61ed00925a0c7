package org.hotline.directory.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.directory.Service;
import org.hotline.directory.hsds.Hsds;
import org.hotline.directory.hsds.HsdsExport;
import org.hotline.directory.hsds.HsdsPaging;
import org.hotline.directory.repository.ServiceRepository;

/**
 * The directory read as HSDS documents, for the HSDS API. Each read is one transaction that also covers the export
 * (an organisation's services, phones and schedules load lazily).
 */
@ApplicationScoped
public class HsdsCatalogue {

    private final ServiceRepository services;
    private final OrganizationCatalogue organizations;
    private final HsdsExport export;

    public HsdsCatalogue(ServiceRepository services, OrganizationCatalogue organizations, HsdsExport export) {
        this.services = services;
        this.organizations = organizations;
        this.export = export;
    }

    /** Services in id order; {@code minimal}: only what tells a consumer which changed; {@code full}: nested. */
    @Transactional
    public Hsds.Page<Hsds.Service> services(ServiceRepository.Filter filter, HsdsPaging paging, boolean minimal,
            boolean full) {
        ServiceRepository.Page found = services.page(filter, paging.offset(), paging.perPage());
        List<Hsds.Service> contents = found.services().stream()
                .map(s -> minimal ? minimal(s) : export.service(s, full, true)).toList();
        return paging.of(contents, found.total());
    }

    @Transactional
    public Optional<Hsds.Service> service(UUID id) {
        return services.findByIdOptional(id).map(s -> export.service(s, true, true));
    }

    @Transactional
    public Hsds.Page<Hsds.Organization> organizations(String query, HsdsPaging paging, HsdsExport.Depth depth) {
        OrganizationCatalogue.OrganizationPage<Hsds.Organization> found = organizations.byName(query,
                paging.offset(), paging.perPage(), o -> export.organization(o, depth));
        return paging.of(found.items(), found.total());
    }

    @Transactional
    public Optional<Hsds.Organization> organization(UUID id, HsdsExport.Depth depth) {
        return organizations.find(id, o -> export.organization(o, depth));
    }

    /** What a consumer needs to tell which services changed, and what the schema requires. */
    private static Hsds.Service minimal(Service s) {
        return new Hsds.Service(s.id(), null, s.name(), "active", null, s.organization().updatedAt().toString(),
                null, null, null, null, null, null);
    }
}
