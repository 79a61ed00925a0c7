package org.hotline.directory.repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.directory.LibraryResource;

/**
 * The library's resources and their search. The SQL is built from fixed fragments only; every value is a bound
 * parameter. Topics, audiences and languages are one GIN lookup ({@code resource_facets}), the text another
 * ({@code resource_search}); with text the most relevant come first, then by title and id so that pages are stable.
 */
@ApplicationScoped
public class ResourceRepository implements PanacheRepositoryBase<LibraryResource, UUID> {

    private static final String PUBLISHED = " AND r.published_on <= :today AND (r.retired_on IS NULL OR r.retired_on > :today)";

    /** One page of ids in order, and how many match in all. */
    public record SearchPage(List<UUID> ids, long total) {
    }

    public SearchPage search(ResourceFilter filter, int page, int size) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder where = new StringBuilder(" FROM resource r WHERE true");
        if (filter.topic() != null) {
            where.append(" AND r.topics @> ARRAY[CAST(:topic AS text)]");
            parameters.put("topic", filter.topic());
        }
        if (filter.audience() != null) {
            where.append(" AND r.audiences @> ARRAY[CAST(:audience AS text)]");
            parameters.put("audience", filter.audience().name());
        }
        if (filter.language() != null) {
            where.append(" AND r.languages @> ARRAY[CAST(:language AS text)]");
            parameters.put("language", filter.language());
        }
        if (filter.q() != null) {
            where.append(" AND r.search_vector @@ websearch_to_tsquery('english', :q)");
            parameters.put("q", filter.q());
        }
        if (filter.publicOnly()) {
            where.append(PUBLISHED).append(" AND (r.url IS NOT NULL OR r.has_file)");
            parameters.put("today", filter.today());
        } else if (filter.state() != null) {
            where.append(switch (filter.state()) {
                case PUBLISHED -> PUBLISHED;
                case RETIRED -> " AND r.retired_on <= :today";
                case DRAFT -> " AND (r.published_on IS NULL OR r.published_on > :today)"
                        + " AND (r.retired_on IS NULL OR r.retired_on > :today)";
            });
            parameters.put("today", filter.today());
        }
        String order = filter.q() == null ? " ORDER BY lower(r.title), r.id"
                : " ORDER BY ts_rank(r.search_vector, websearch_to_tsquery('english', :q)) DESC, lower(r.title), r.id";
        Query ids = getEntityManager().createNativeQuery("SELECT CAST(r.id AS text), count(*) OVER ()" + where + order)
                .setFirstResult(page * size).setMaxResults(size);
        parameters.forEach(ids::setParameter);
        List<UUID> found = new ArrayList<>();
        long total = -1;
        for (Object row : ids.getResultList()) {
            Object[] columns = (Object[]) row;
            found.add(UUID.fromString((String) columns[0]));
            total = ((Number) columns[1]).longValue();
        }
        if (total < 0) { // the page is past the end (or nothing matches): count on its own
            Query count = getEntityManager().createNativeQuery("SELECT count(*)" + where);
            parameters.forEach(count::setParameter);
            total = ((Number) count.getSingleResult()).longValue();
        }
        return new SearchPage(found, total);
    }

    /** The resources with these ids, in the order of {@code ids}. */
    public List<LibraryResource> findAllInOrder(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, LibraryResource> byId = new HashMap<>();
        list("id in ?1", ids).forEach(r -> byId.put(r.id(), r));
        return ids.stream().map(byId::get).filter(r -> r != null).toList();
    }

    /** Serialises seeding across instances starting together (released at commit). */
    public void lockForSeeding() {
        getEntityManager().createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext("
                + "current_schema() || '.resource-seed'))) AS l").getSingleResult();
    }
}
