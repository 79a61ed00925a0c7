package org.hotline.directory.repository;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hotline.directory.Organization;
import org.hotline.directory.Service;

/**
 * The HSDS read's queries: services, organisations and service_at_locations as pages (offset, for HSDS's numbered
 * pages) and as keyset batches in id order (for ndjson, which streams every match: each batch starts after the last
 * id of the one before, so nothing is held but one batch and no offset is ever skipped over). Native SQL, built from
 * fixed fragments with every value bound, because the filters reach into arrays, full text and distances.
 */
@ApplicationScoped
public class HsdsRepository {

    /** Confidential by flag, or by rule: an organisation admitting law-enforcement referrals only. */
    private static final String PUBLIC_ORGANIZATION = "NOT o.confidential AND NOT ('LAW_ENFORCEMENT_ONLY' = ANY (o.audiences))";
    /** Mean radius of the Earth (IUGG), in meters. */
    private static final double EARTH_RADIUS = 6_371_008.8;

    private final EntityManager entityManager;

    public HsdsRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Ids of one page or keyset batch, and (for pages) how many match in all. */
    public record Ids(List<UUID> ids, long total) {
    }

    public Ids services(HsdsQuery query, int offset, int limit) {
        return page("s.id", serviceFrom(query), query, offset, limit);
    }

    public List<UUID> servicesAfter(HsdsQuery query, UUID after, int limit) {
        return batch("s.id", serviceFrom(query), query, after, limit);
    }

    public Ids organizations(HsdsQuery query, int offset, int limit) {
        return page("o.id", organizationFrom(query), query, offset, limit, "o.name, o.id");
    }

    public List<UUID> organizationsAfter(HsdsQuery query, UUID after, int limit) {
        return batch("o.id", organizationFrom(query), query, after, limit);
    }

    public Ids serviceAtLocations(HsdsQuery query, int offset, int limit) {
        return page("l.service_at_location_id", serviceAtLocationFrom(query), query, offset, limit);
    }

    public List<UUID> serviceAtLocationsAfter(HsdsQuery query, UUID after, int limit) {
        return batch("l.service_at_location_id", serviceAtLocationFrom(query), query, after, limit);
    }

    /** The service of the service_at_location with this id, or null (also when the public may not see it). */
    public UUID serviceOfServiceAtLocation(UUID serviceAtLocationId, boolean publicOnly) {
        List<?> rows = bind(entityManager.createNativeQuery("SELECT CAST(s.id AS text) FROM service_location l"
                + " JOIN service s ON s.id = l.service_id JOIN organization o ON o.id = s.organization_id"
                + " WHERE l.service_at_location_id = :location" + (publicOnly ? " AND NOT s.confidential AND " + PUBLIC_ORGANIZATION : "")),
                Map.of("location", serviceAtLocationId)).getResultList();
        return rows.isEmpty() ? null : UUID.fromString((String) rows.get(0));
    }

    /** Whether the public read may show this service (and so its organisation). */
    public boolean isPublicService(UUID serviceId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM service s JOIN organization o ON o.id = s.organization_id"
                + " WHERE s.id = :id AND NOT s.confidential AND " + PUBLIC_ORGANIZATION)
                .setParameter("id", serviceId).getResultList().isEmpty();
    }

    public boolean isPublicOrganization(UUID organizationId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM organization o WHERE o.id = :id AND " + PUBLIC_ORGANIZATION)
                .setParameter("id", organizationId).getResultList().isEmpty();
    }

    /** The services with these ids, with their organisations, in the order of {@code ids}. */
    public List<Service> servicesInOrder(List<UUID> ids) {
        return inOrder(ids, entityManager.createQuery(
                "SELECT s FROM Service s JOIN FETCH s.organization WHERE s.id IN :ids", Service.class)
                .setParameter("ids", ids).getResultList(), Service::id);
    }

    public List<Organization> organizationsInOrder(List<UUID> ids) {
        return inOrder(ids, entityManager.createQuery("SELECT o FROM Organization o WHERE o.id IN :ids",
                Organization.class).setParameter("ids", ids).getResultList(), Organization::id);
    }

    /** Of the service_at_locations with these ids, their services, in the order of {@code ids}. */
    @SuppressWarnings("unchecked")
    public Map<UUID, UUID> servicesOfLocations(List<UUID> ids) {
        Map<UUID, UUID> byLocation = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byLocation;
        }
        Map<UUID, UUID> found = new LinkedHashMap<>();
        ((List<Object[]>) entityManager.createNativeQuery("SELECT CAST(service_at_location_id AS text),"
                + " CAST(service_id AS text) FROM service_location WHERE service_at_location_id IN (:ids)").setParameter("ids", ids).getResultList())
                .forEach(r -> found.put(UUID.fromString((String) r[0]), UUID.fromString((String) r[1])));
        ids.forEach(id -> byLocation.put(id, found.get(id)));
        return byLocation;
    }

    private static <T> List<T> inOrder(List<UUID> ids, List<T> rows, java.util.function.Function<T, UUID> id) {
        Map<UUID, T> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.put(id.apply(r), r));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private String serviceFrom(HsdsQuery query) {
        return " FROM service s JOIN organization o ON o.id = s.organization_id";
    }

    private String organizationFrom(HsdsQuery query) {
        return " FROM organization o";
    }

    private String serviceAtLocationFrom(HsdsQuery query) {
        return " FROM service_location l JOIN service s ON s.id = l.service_id"
                + " JOIN organization o ON o.id = s.organization_id";
    }

    private Ids page(String id, String from, HsdsQuery query, int offset, int limit) {
        return page(id, from, query, offset, limit, id);
    }

    @SuppressWarnings("unchecked")
    private Ids page(String id, String from, HsdsQuery query, int offset, int limit, String order) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(query, from, parameters, null);
        List<UUID> ids = ((List<String>) bind(entityManager.createNativeQuery("SELECT CAST(" + id + " AS text)" + from
                + where + " ORDER BY " + order + " LIMIT :limit OFFSET :offset"), parameters)
                .setParameter("limit", limit).setParameter("offset", (long) offset).getResultList())
                .stream().map(UUID::fromString).toList();
        long total = ((Number) bind(entityManager.createNativeQuery("SELECT count(*)" + from + where), parameters)
                .getSingleResult()).longValue();
        return new Ids(ids, total);
    }

    @SuppressWarnings("unchecked")
    private List<UUID> batch(String id, String from, HsdsQuery query, UUID after, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(query, from, parameters, after == null ? null : id + " > :after");
        if (after != null) {
            parameters.put("after", after);
        }
        return ((List<String>) bind(entityManager.createNativeQuery("SELECT CAST(" + id + " AS text)" + from + where
                + " ORDER BY " + id + " LIMIT :limit"), parameters).setParameter("limit", limit).getResultList())
                .stream().map(UUID::fromString).toList();
    }

    private static Query bind(Query query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }

    private static String where(HsdsQuery query, String from, Map<String, Object> parameters, String keyset) {
        boolean services = from.contains(" service s");
        boolean locations = from.contains(" service_location l");
        List<String> conditions = new ArrayList<>();
        if (keyset != null) {
            conditions.add(keyset);
        }
        if (query.search() != null) {
            conditions.add("o.search_vector @@ websearch_to_tsquery('english', :search)");
            parameters.put("search", query.search());
        }
        if (query.condition() != null && services) {
            conditions.add(query.condition());
            if (query.conditionValue() != null) {
                parameters.put("conditionValue", query.conditionValue());
            }
        }
        if (query.organizationId() != null) {
            conditions.add("o.id = :organizationId");
            parameters.put("organizationId", query.organizationId());
        }
        if (query.modifiedAfter() != null) {
            conditions.add("o.updated_at >= :modifiedAfter");
            parameters.put("modifiedAfter", query.modifiedAfter().atOffset(ZoneOffset.UTC));
        }
        if (query.publicOnly()) {
            conditions.add(PUBLIC_ORGANIZATION);
            if (services) {
                conditions.add("NOT s.confidential");
            }
        }
        if (locations && query.postcode() != null) {
            parameters.put("postcode", query.postcode());
            String placeable = query.publicOnly() ? " AND NOT l.confidential" : "";
            if (query.proximityMeters() == null) {
                conditions.add("(EXISTS (SELECT 1 FROM service_area a WHERE a.service_id = s.id AND (a.kind = 'NATIONAL'"
                        + " OR (a.kind = 'POSTAL_CODE' AND a.code = :postcode)))"
                        + " OR (l.postal_code = :postcode" + placeable + "))");
            } else {
                // The centroid is the mean position of the directory's own non-confidential geocoded locations in
                // the postcode (so a confidential address never shifts it); a postcode without any matches nothing.
                parameters.put("meters", query.proximityMeters());
                conditions.add("l.latitude IS NOT NULL" + placeable + " AND EXISTS (SELECT 1 FROM (SELECT"
                        + " avg(c.latitude) AS lat, avg(c.longitude) AS lng FROM service_location c"
                        + " WHERE c.postal_code = :postcode AND c.latitude IS NOT NULL AND NOT c.confidential) k"
                        + " WHERE k.lat IS NOT NULL AND " + EARTH_RADIUS + " * 2 * asin(least(1, sqrt("
                        + "power(sin(radians(l.latitude - k.lat) / 2), 2) + cos(radians(k.lat))"
                        + " * cos(radians(l.latitude)) * power(sin(radians(l.longitude - k.lng) / 2), 2))))"
                        + " <= :meters)");
            }
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
