package org.hotline.directory.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.directory.Organization;

/**
 * Organisations. Filters look inside the JSONB services document with SQL; the SQL text is built from fixed fragments
 * only, every value is a bound parameter.
 */
@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    /** One page of the organisations matching {@code filter}, ordered by name then id. */
    @SuppressWarnings("unchecked")
    public List<Organization> page(OrganizationFilter filter, int page, int size) {
        Query query = nativeQuery("SELECT o.* FROM organization o" + where(filter) + " ORDER BY o.name, o.id",
                filter, Organization.class);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    /** How many organisations match {@code filter}. */
    public long countMatching(OrganizationFilter filter) {
        return ((Number) nativeQuery("SELECT count(*) FROM organization o" + where(filter), filter, null)
                .getSingleResult()).longValue();
    }

    /** Which of {@code serviceIds} belong to a service of another organisation than {@code organizationId}. */
    @SuppressWarnings("unchecked")
    public List<UUID> serviceIdsUsedElsewhere(UUID organizationId, Collection<UUID> serviceIds) {
        if (serviceIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = serviceIds.stream().map(UUID::toString).toList();
        List<String> used = getEntityManager().createNativeQuery("""
                SELECT DISTINCT s ->> 'id' FROM organization o, jsonb_array_elements(o.services) s
                WHERE o.id <> :organizationId AND s ->> 'id' IN (:ids)""", String.class)
                .setParameter("organizationId", organizationId)
                .setParameter("ids", ids)
                .getResultList();
        return used.stream().map(UUID::fromString).toList();
    }

    /**
     * Serialises start-up seeding across instances for the rest of the current transaction, so two instances
     * starting together cannot both find the directory empty and seed it twice.
     */
    public void lockForSeeding() {
        getEntityManager().createNativeQuery(
                "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.seed'))) AS l")
                .getSingleResult();
    }

    private Query nativeQuery(String sql, OrganizationFilter filter, Class<?> resultClass) {
        Query query = resultClass == null
                ? getEntityManager().createNativeQuery(sql)
                : getEntityManager().createNativeQuery(sql, resultClass);
        parameters(filter).forEach(query::setParameter);
        return query;
    }

    private static String where(OrganizationFilter filter) {
        List<String> serviceMatches = new ArrayList<>();
        if (filter.need() != null) {
            serviceMatches.add("s -> 'needs' @> jsonb_build_array(CAST(:need AS text))");
        }
        if (filter.state() != null) {
            serviceMatches.add("""
                    (CAST(s -> 'area' ->> 'national' AS boolean)
                     OR s -> 'area' -> 'states' @> jsonb_build_array(CAST(:state AS text))
                     OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(s -> 'area' -> 'counties') c
                                WHERE starts_with(c, CAST(:state AS text) || ':')))""");
        }
        if (serviceMatches.isEmpty()) {
            return "";
        }
        return " WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(o.services) s WHERE "
                + String.join(" AND ", serviceMatches) + ")";
    }

    private static Map<String, Object> parameters(OrganizationFilter filter) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.need() != null) {
            parameters.put("need", filter.need().name());
        }
        if (filter.state() != null) {
            parameters.put("state", filter.state());
        }
        return parameters;
    }
}
