package org.hotline.routing.repository;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hotline.contracts.events.ResourceUpserted;
import org.hotline.contracts.vocabulary.ResourceAudience;
import org.hotline.contracts.vocabulary.ResourceKind;
import org.hotline.routing.CatalogueResource;

/**
 * The resource catalogue table. A record is applied unless the row already came from the same or a later offset of
 * its partition (a redelivery, or a record older than one applied), or holds a newer version (a deletion counts as
 * newer than the version it deleted). Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class ResourceCatalogueRows {

    private static final String GUARD = """
             WHERE NOT (c.source_partition = excluded.source_partition AND c.source_offset >= excluded.source_offset)
               AND (CASE WHEN c.deleted THEN excluded.version > c.version ELSE excluded.version >= c.version END)""";

    private final EntityManager entityManager;

    public ResourceCatalogueRows(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Takes the resource's state from the record at {@code partition}/{@code offset}; whether it changed the row. */
    public boolean upsert(ResourceUpserted r, int partition, long offset) {
        Set<String> topics = new LinkedHashSet<>();
        r.needs().forEach(n -> topics.add(n.name()));
        r.traffickingTypes().forEach(t -> topics.add(t.name()));
        return entityManager.createNativeQuery("""
                INSERT INTO resource_catalogue AS c (id, title, kind, topics, audiences, languages, link, published_on,
                       retired_on, version, updated_at, deleted, source_partition, source_offset)
                VALUES (:id, :title, :kind, CAST(:topics AS text[]), CAST(:audiences AS text[]),
                        CAST(:languages AS text[]), :link, CAST(:publishedOn AS date), CAST(:retiredOn AS date),
                        :version, :updatedAt, false, :partition, :offset)
                ON CONFLICT (id) DO UPDATE SET title = excluded.title, kind = excluded.kind, topics = excluded.topics,
                       audiences = excluded.audiences, languages = excluded.languages, link = excluded.link,
                       published_on = excluded.published_on, retired_on = excluded.retired_on,
                       version = excluded.version, updated_at = excluded.updated_at, deleted = false,
                       source_partition = excluded.source_partition, source_offset = excluded.source_offset"""
                + " " + GUARD)
                .setParameter("id", r.id())
                .setParameter("title", r.title())
                .setParameter("kind", r.kind().name())
                .setParameter("topics", arrayLiteral(topics))
                .setParameter("audiences", arrayLiteral(r.audiences().stream().map(Enum::name).toList()))
                .setParameter("languages", arrayLiteral(r.languages()))
                .setParameter("link", r.link())
                .setParameter("publishedOn", r.publishedOn() == null ? null : r.publishedOn().toString())
                .setParameter("retiredOn", r.retiredOn() == null ? null : r.retiredOn().toString())
                .setParameter("version", r.version())
                .setParameter("updatedAt", OffsetDateTime.ofInstant(r.updatedAt(), ZoneOffset.UTC))
                .setParameter("partition", partition)
                .setParameter("offset", offset)
                .executeUpdate() == 1;
    }

    /** Takes a tombstone (retired or deleted): the row stays, marked deleted, with the version it deleted. */
    public boolean delete(UUID id, int partition, long offset) {
        return entityManager.createNativeQuery("""
                INSERT INTO resource_catalogue AS c (id, version, updated_at, deleted, source_partition, source_offset)
                VALUES (:id, 0, now(), true, :partition, :offset)
                ON CONFLICT (id) DO UPDATE SET title = NULL, kind = NULL, topics = '{}', audiences = '{}',
                       languages = '{}', link = NULL, updated_at = now(), deleted = true,
                       source_partition = excluded.source_partition, source_offset = excluded.source_offset
                 WHERE NOT (c.source_partition = excluded.source_partition
                            AND c.source_offset >= excluded.source_offset)""")
                .setParameter("id", id)
                .setParameter("partition", partition)
                .setParameter("offset", offset)
                .executeUpdate() == 1;
    }

    /** The resources not deleted, whatever their dates (the proposal reads them). */
    public List<CatalogueResource> live() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT CAST(id AS text), title, kind, array_to_string(topics, ','), array_to_string(audiences, ','),
                       array_to_string(languages, ','), link, CAST(published_on AS text), CAST(retired_on AS text)
                  FROM resource_catalogue WHERE NOT deleted ORDER BY id""").getResultList();
        List<CatalogueResource> resources = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Set<ResourceAudience> audiences = EnumSet.noneOf(ResourceAudience.class);
            split(row[4]).forEach(a -> audiences.add(ResourceAudience.valueOf(a)));
            resources.add(new CatalogueResource(UUID.fromString((String) row[0]), (String) row[1],
                    ResourceKind.valueOf((String) row[2]), split(row[3]), audiences, split(row[5]), (String) row[6],
                    date(row[7]), date(row[8])));
        }
        return resources;
    }

    private static Set<String> split(Object joined) {
        String text = (String) joined;
        return text == null || text.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(text.split(",")));
    }

    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse((String) value);
    }

    /** A PostgreSQL array literal of plain vocabulary words and language tags (no commas, quotes or braces). */
    private static String arrayLiteral(java.util.Collection<String> values) {
        for (String value : values) {
            if (!value.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("not a vocabulary word or language tag");
            }
        }
        return "{" + String.join(",", values) + "}";
    }
}
