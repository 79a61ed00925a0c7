package org.hotline.directory.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.directory.Organization;
import org.hotline.directory.repository.OrganizationFilter;
import org.hotline.directory.repository.OrganizationRepository;
import org.hotline.platform.rest.PageRequest;
import org.hotline.platform.rest.ResultPage;

/**
 * Reads of the directory for its APIs. Each read runs in one transaction, which also covers the caller's {@code view}
 * of each organisation: an organisation's services, hours and areas are loaded lazily, so the answer is built while
 * they still can be (transactions belong to the service layer, never to a resource).
 */
@ApplicationScoped
public class OrganizationCatalogue {

    private final OrganizationRepository organizations;

    public OrganizationCatalogue(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    /** The API's search: ranked as {@link OrganizationRepository#search} ranks. */
    @Transactional
    public <T> ResultPage<T> search(OrganizationFilter filter, PageRequest page, Function<Organization, T> view) {
        OrganizationRepository.SearchPage found = organizations.search(filter, page.page(), page.size());
        return ResultPage.of(inOrder(found.ids(), view), page.page(), page.size(), found.total());
    }

    /** By name, as HSDS lists organisations; {@code offset} rows skipped. */
    @Transactional
    public <T> OrganizationPage<T> byName(String query, int offset, int limit, Function<Organization, T> view) {
        OrganizationRepository.SearchPage found = organizations.byName(query, offset, limit);
        return new OrganizationPage<>(inOrder(found.ids(), view), found.total());
    }

    @Transactional
    public <T> Optional<T> find(UUID id, Function<Organization, T> view) {
        return organizations.findByIdOptional(id).map(view);
    }

    /** A page of views and how many organisations match in all. */
    public record OrganizationPage<T>(List<T> items, long total) {
    }

    private <T> List<T> inOrder(List<UUID> ids, Function<Organization, T> view) {
        return organizations.findAllInOrder(ids).stream().map(view).toList();
    }
}
