package org.hotline.directory.repository;

import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.directory.Organization;

/**
 * Organisations and their search. The search SQL is built from fixed fragments only; every value is a bound
 * parameter. It ranks local over state over national (the place the search names, or without one each
 * organisation's most local service), then by text relevance when {@code q} is given, then the most recently
 * verified, then by id so pages are stable.
 */
@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    /** Day names by ISO day-of-week number, as the schedule table spells them. */
    private static final String DAYS = "(ARRAY['MON','TUE','WED','THU','FRI','SAT','SUN'])";

    /** One page of ranked ids, and how many organisations match in all. */
    public record SearchPage(List<UUID> ids, long total) {
    }

    /** One page of the organisations matching {@code filter}, in rank order. */
    @SuppressWarnings("unchecked")
    public SearchPage search(OrganizationFilter filter, int page, int size) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String from = from(filter, parameters);
        String relevance = filter.q() == null ? "" : "m.relevance DESC, ";
        String order = " ORDER BY m.level, " + relevance + "m.verified DESC NULLS LAST, m.organization_id"
                + " LIMIT :limit OFFSET :offset";
        if (filter.isEmpty()) {
            // The whole directory: a page read straight off the organization_ranking index (under a millisecond)
            // and a count of its own (a few); a window count would rank all 50,000 organisations first (30 ms).
            Query query = getEntityManager().createNativeQuery("SELECT CAST(m.organization_id AS text)" + from + order)
                    .setParameter("limit", size).setParameter("offset", (long) page * size);
            List<UUID> ids = ((List<String>) query.getResultList()).stream().map(UUID::fromString).toList();
            return new SearchPage(ids, count(filter));
        }
        Query query = getEntityManager().createNativeQuery("SELECT CAST(m.organization_id AS text), count(*) OVER ()"
                + from + order);
        parameters.forEach(query::setParameter);
        query.setParameter("limit", size).setParameter("offset", (long) page * size);
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return new SearchPage(List.of(), page == 0 ? 0 : count(filter));
        }
        List<UUID> ids = rows.stream().map(r -> UUID.fromString((String) r[0])).toList();
        return new SearchPage(ids, ((Number) rows.get(0)[1]).longValue());
    }

    /** How many organisations match {@code filter}. */
    public long count(OrganizationFilter filter) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        Query query = getEntityManager().createNativeQuery("SELECT count(*)" + from(filter, parameters));
        parameters.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /**
     * {@code FROM} the matching organisations {@code m} (organization_id, level, verified, and relevance with a
     * full-text query): the ranking needs nothing else, so a search with a service criterion reads only the matching
     * service rows, never the 50,000 organisation rows.
     */
    private static String from(OrganizationFilter filter, Map<String, Object> parameters) {
        if (filter.q() != null) {
            parameters.put("q", filter.q());
        }
        return " FROM (" + ranked(filter, parameters) + ") m";
    }

    /** A page of all organisations, or of those matching the full-text {@code search}, by name then id. */
    @SuppressWarnings("unchecked")
    public SearchPage byName(String search, int offset, int limit) {
        String where = search == null ? "" : " WHERE search_vector @@ websearch_to_tsquery('english', :search)";
        Query ids = getEntityManager().createNativeQuery(
                "SELECT CAST(id AS text) FROM organization" + where + " ORDER BY name, id LIMIT :limit OFFSET :offset");
        Query count = getEntityManager().createNativeQuery("SELECT count(*) FROM organization" + where);
        if (search != null) {
            ids.setParameter("search", search);
            count.setParameter("search", search);
        }
        List<UUID> page = ((List<String>) ids.setParameter("limit", limit).setParameter("offset", (long) offset)
                .getResultList()).stream().map(UUID::fromString).toList();
        return new SearchPage(page, ((Number) count.getSingleResult()).longValue());
    }

    /** Organisations never verified or last verified before {@code before}: never first, then the oldest. */
    @SuppressWarnings("unchecked")
    public SearchPage verifiedBefore(LocalDate before, int page, int size) {
        String where = " WHERE last_verified_on IS NULL OR last_verified_on < :before";
        List<UUID> ids = ((List<String>) getEntityManager().createNativeQuery("SELECT CAST(id AS text) FROM organization"
                + where + " ORDER BY last_verified_on NULLS FIRST, name, id LIMIT :limit OFFSET :offset")
                .setParameter("before", before).setParameter("limit", size).setParameter("offset", (long) page * size)
                .getResultList()).stream().map(UUID::fromString).toList();
        long total = ((Number) getEntityManager().createNativeQuery("SELECT count(*) FROM organization" + where)
                .setParameter("before", before).getSingleResult()).longValue();
        return new SearchPage(ids, total);
    }

    /** The organisations with these ids, with their services, in the order of {@code ids}. */
    public List<Organization> findAllInOrder(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Organization> byId = list("id in ?1", ids).stream()
                .collect(Collectors.toMap(Organization::id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** Which of {@code serviceIds} belong to a service of another organisation than {@code organizationId}. */
    @SuppressWarnings("unchecked")
    public List<UUID> serviceIdsUsedElsewhere(UUID organizationId, Collection<UUID> serviceIds) {
        if (serviceIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createNativeQuery(
                "SELECT CAST(id AS text) FROM service WHERE organization_id <> :organizationId AND id IN (:ids)",
                String.class)
                // Not flushed first: a batch of puts flushes once, and checks its own ids among themselves.
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("organizationId", organizationId)
                .setParameter("ids", List.copyOf(serviceIds))
                .getResultList().stream().map(id -> UUID.fromString((String) id)).toList();
    }

    /** Every organisation id, in id order, after {@code after} (null: from the start); for paging through all. */
    @SuppressWarnings("unchecked")
    public List<UUID> idsAfter(UUID after, int limit) {
        Query query = getEntityManager().createNativeQuery(after == null
                ? "SELECT CAST(id AS text) FROM organization ORDER BY id LIMIT :limit"
                : "SELECT CAST(id AS text) FROM organization WHERE id > :after ORDER BY id LIMIT :limit");
        if (after != null) {
            query.setParameter("after", after);
        }
        return ((List<String>) query.setParameter("limit", limit).getResultList()).stream()
                .map(UUID::fromString).toList();
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

    /**
     * The matching organisations with their rank level (0 local, 1 state, 2 national, 3 nowhere) and, with {@code q},
     * their text relevance: from the services that match every service criterion, or from the organisation itself
     * when there is none. Services are found through one lookup of the GIN index over their {@code search_terms}
     * (needs, places, admitted audiences) and {@code organization_search} (the organisation's text, see V3).
     */
    private static String ranked(OrganizationFilter filter, Map<String, Object> parameters) {
        String text = "websearch_to_tsquery('english', :q)";
        if (!filter.constrainsServices()) {
            List<String> conditions = new ArrayList<>();
            if (filter.audience() != null) {
                parameters.put("audience", filter.audience().name());
                conditions.add("(cardinality(audiences) = 0 OR CAST(:audience AS text) = ANY (audiences))");
            }
            if (filter.q() != null) {
                conditions.add("search_vector @@ " + text);
            }
            return "SELECT id AS organization_id, area_level AS level, last_verified_on AS verified"
                    + (filter.q() == null ? "" : ", ts_rank(search_vector, " + text + ") AS relevance")
                    + " FROM organization" + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions));
        }
        List<String> conditions = new ArrayList<>();
        String level = "s.area_level";
        if (filter.need() != null) {
            conditions.add("s.search_terms @> " + terms(parameters, "need", List.of("N:" + filter.need().name())));
        }
        if (filter.hasPlace()) {
            List<String> local = new ArrayList<>();
            if (filter.county() != null) {
                local.add("C:" + filter.county());
            }
            if (filter.postalCode() != null) {
                local.add("Z:" + filter.postalCode());
            }
            if (filter.county() == null && filter.postalCode() == null) {
                // The place is the whole state: a service in one of its counties serves somewhere in it.
                local.add("IN:" + filter.state());
            }
            List<String> covering = new ArrayList<>(local);
            covering.add("US");
            String localTerms = terms(parameters, "local", local);
            if (filter.placeState() != null) {
                covering.add("S:" + filter.placeState());
                level = "CASE WHEN s.search_terms && " + localTerms + " THEN 0 WHEN s.search_terms && "
                        + terms(parameters, "state", List.of("S:" + filter.placeState())) + " THEN 1 ELSE 2 END";
            } else {
                level = "CASE WHEN s.search_terms && " + localTerms + " THEN 0 ELSE 2 END";
            }
            conditions.add("s.search_terms && " + terms(parameters, "place", covering));
        }
        if (filter.audience() != null) {
            conditions.add("s.search_terms && "
                    + terms(parameters, "audience", List.of("A:ALL", "A:" + filter.audience().name())));
        }
        if (filter.q() != null) {
            conditions.add("s.organization_search @@ " + text);
        }
        if (filter.openAt() != null) {
            conditions.add(openAt());
            parameters.put("openAt", filter.openAt().atOffset(ZoneOffset.UTC));
        }
        // Every service of an organisation carries the same text, so any of them gives the organisation's relevance.
        return "SELECT s.organization_id, min(" + level + ") AS level, max(s.organization_verified_on) AS verified"
                + (filter.q() == null ? "" : ", max(ts_rank(s.organization_search, " + text + ")) AS relevance")
                + " FROM service s WHERE "
                + String.join(" AND ", conditions) + " GROUP BY s.organization_id";
    }

    /** {@code ARRAY[:name0, :name1, ...]} with the values bound. */
    private static String terms(Map<String, Object> parameters, String name, List<String> values) {
        List<String> placeholders = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            parameters.put(name + i, values.get(i));
            placeholders.add("CAST(:" + name + i + " AS text)");
        }
        return "ARRAY[" + String.join(", ", placeholders) + "]";
    }

    /**
     * Whether service {@code s} is open at {@code :openAt} on the wall clock of its schedules' time zone: a 24-hour
     * service unless today is a closed date; otherwise a weekly span that started today, or yesterday and runs past
     * midnight, on a day that is not closed. Spans are half-open, [opens, closes).
     */
    private static String openAt() {
        return """
                CASE WHEN s.open_24h THEN NOT EXISTS (
                    SELECT 1 FROM service_closed_date cd WHERE cd.service_id = s.id
                    AND cd.closed_on = CAST(CAST(:openAt AS timestamptz) AT TIME ZONE s.time_zone AS date))
                ELSE EXISTS (
                    SELECT 1 FROM schedule sc
                    CROSS JOIN LATERAL (SELECT CAST(:openAt AS timestamptz) AT TIME ZONE sc.time_zone AS at) l
                    WHERE sc.service_id = s.id AND (
                        (%1$s[CAST(extract(isodow FROM l.at) AS int)] = ANY (sc.days)
                         AND CAST(l.at AS time) >= sc.opens_at
                         AND (sc.closes_at <= sc.opens_at OR CAST(l.at AS time) < sc.closes_at)
                         AND NOT EXISTS (SELECT 1 FROM service_closed_date cd WHERE cd.service_id = s.id
                                         AND cd.closed_on = CAST(l.at AS date)))
                     OR (sc.closes_at <= sc.opens_at
                         AND %1$s[CAST(extract(isodow FROM l.at - interval '1 day') AS int)] = ANY (sc.days)
                         AND CAST(l.at AS time) < sc.closes_at
                         AND NOT EXISTS (SELECT 1 FROM service_closed_date cd WHERE cd.service_id = s.id
                                         AND cd.closed_on = CAST(l.at AS date) - 1))))
                END""".formatted(DAYS);
    }
}
