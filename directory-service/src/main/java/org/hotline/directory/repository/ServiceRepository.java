package org.hotline.directory.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.directory.Service;

/** Services, for the HSDS read API: pages in id order, filtered as HSDS's {@code /services} query asks. */
@ApplicationScoped
public class ServiceRepository implements PanacheRepositoryBase<Service, UUID> {

    /**
     * HSDS {@code /services} filters, AND-combined; null is not applied.
     *
     * @param search         full-text query over the organisation's names and description
     * @param condition      an SQL condition on service {@code s} and organisation {@code o} built by the caller
     *                       from fixed fragments (taxonomy filters), or null; its value, if any, is
     *                       {@code :conditionValue}
     * @param conditionValue the value bound to {@code :conditionValue}, or null
     * @param organizationId the service's organisation
     * @param modifiedAfter  the organisation changed at or after this instant
     */
    public record Filter(String search, String condition, String conditionValue, UUID organizationId,
            Instant modifiedAfter) {
    }

    public record Page(List<Service> services, long total) {
    }

    @SuppressWarnings("unchecked")
    public Page page(Filter filter, int offset, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String from = " FROM service s JOIN organization o ON o.id = s.organization_id" + where(filter, parameters);
        Query ids = getEntityManager().createNativeQuery(
                "SELECT CAST(s.id AS text)" + from + " ORDER BY s.id LIMIT :limit OFFSET :offset");
        parameters.forEach(ids::setParameter);
        List<UUID> page = ((List<String>) ids.setParameter("limit", limit).setParameter("offset", (long) offset)
                .getResultList()).stream().map(UUID::fromString).toList();
        Query count = getEntityManager().createNativeQuery("SELECT count(*)" + from);
        parameters.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        if (page.isEmpty()) {
            return new Page(List.of(), total);
        }
        Map<UUID, Service> byId = new LinkedHashMap<>();
        list("id in ?1", page).forEach(s -> byId.put(s.id(), s));
        return new Page(page.stream().map(byId::get).toList(), total);
    }

    private static String where(Filter filter, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.search() != null) {
            conditions.add("o.search_vector @@ websearch_to_tsquery('english', :search)");
            parameters.put("search", filter.search());
        }
        if (filter.condition() != null) {
            conditions.add(filter.condition());
            if (filter.conditionValue() != null) {
                parameters.put("conditionValue", filter.conditionValue());
            }
        }
        if (filter.organizationId() != null) {
            conditions.add("s.organization_id = :organizationId");
            parameters.put("organizationId", filter.organizationId());
        }
        if (filter.modifiedAfter() != null) {
            conditions.add("o.updated_at >= :modifiedAfter");
            parameters.put("modifiedAfter", filter.modifiedAfter().atOffset(ZoneOffset.UTC));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
