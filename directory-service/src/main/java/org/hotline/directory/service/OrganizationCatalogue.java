package org.hotline.directory.service;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.calendar.BusinessCalendar;
import org.hotline.directory.Organization;
import org.hotline.directory.config.DirectoryConfig;
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
    private final Clock clock;
    private final ZoneId zone;
    private final Duration verificationMaxAge;

    public OrganizationCatalogue(OrganizationRepository organizations, Clock clock, BusinessCalendar calendar,
            DirectoryConfig config) {
        this.organizations = organizations;
        this.clock = clock;
        this.zone = calendar.zone();
        this.verificationMaxAge = config.verification().maxAge();
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

    /**
     * The organisations whose verification is due: never verified, or last verified before the hotline's date today
     * less {@code hotline.directory.verification.max-age}; never verified first, then the oldest.
     */
    @Transactional
    public <T> ResultPage<T> verificationDue(PageRequest page, Function<Organization, T> view) {
        OrganizationRepository.SearchPage found = organizations.verifiedBefore(verificationDueBefore(), page.page(),
                page.size());
        return ResultPage.of(inOrder(found.ids(), view), page.page(), page.size(), found.total());
    }

    /** The first date whose verification still holds today. */
    public LocalDate verificationDueBefore() {
        return LocalDate.now(clock.withZone(zone)).minusDays(verificationMaxAge.toDays());
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
