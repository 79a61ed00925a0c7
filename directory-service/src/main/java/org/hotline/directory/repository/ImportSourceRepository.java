package org.hotline.directory.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The {@code source} and {@code source_id} of organisations and services (V18), which the entities do not map: only
 * an import reads or writes them. Native SQL, batched by id.
 */
@ApplicationScoped
public class ImportSourceRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager entityManager;

    public ImportSourceRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The source of each of these organisations that exists ("" for one without a source). */
    @SuppressWarnings("unchecked")
    public Map<UUID, String> organizationSources(List<UUID> ids) {
        Map<UUID, String> sources = new HashMap<>();
        if (ids.isEmpty()) {
            return sources;
        }
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT CAST(id AS text), coalesce(source, '') FROM organization WHERE id IN (:ids)")
                .setParameter("ids", ids).getResultList();
        rows.forEach(r -> sources.put(UUID.fromString((String) r[0]), (String) r[1]));
        return sources;
    }

    /** The organisation of each of these services that exists. */
    @SuppressWarnings("unchecked")
    public Map<UUID, UUID> serviceOrganizations(List<UUID> serviceIds) {
        Map<UUID, UUID> owners = new HashMap<>();
        if (serviceIds.isEmpty()) {
            return owners;
        }
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT CAST(id AS text), CAST(organization_id AS text) FROM service WHERE id IN (:ids)")
                .setParameter("ids", serviceIds).getResultList();
        rows.forEach(r -> owners.put(UUID.fromString((String) r[0]), UUID.fromString((String) r[1])));
        return owners;
    }

    /**
     * Records where organisations or services came from ({@code table} is {@code organization} or {@code service}),
     * ids to the source's ids, in one statement; rows already saying so are left alone.
     */
    public void markSource(String table, String source, Map<UUID, String> sourceIds) {
        if (sourceIds.isEmpty()) {
            return;
        }
        if (!table.equals("organization") && !table.equals("service")) {
            throw new IllegalArgumentException("Not a table with a source: " + table);
        }
        ArrayNode rows = JSON.createArrayNode();
        sourceIds.forEach((id, sourceId) -> rows.addObject().put("id", id.toString()).put("sid", sourceId));
        // The pairs as one JSON parameter: one UPDATE for a whole batch, whatever its size.
        entityManager.createNativeQuery("UPDATE " + table + " t SET source = :source, source_id = v.sid "
                + "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS v(id uuid, sid text) WHERE t.id = v.id "
                + "AND (t.source IS DISTINCT FROM :source OR t.source_id IS DISTINCT FROM v.sid)")
                .setParameter("source", source).setParameter("rows", rows.toString()).executeUpdate();
    }
}
