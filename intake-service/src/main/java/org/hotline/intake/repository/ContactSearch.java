package org.hotline.intake.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.ContactKind;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.intake.service.ContactFilter;
import org.hotline.intake.service.ContactSummary;

/**
 * The staff list in SQL: only the columns a list shows (never the sealed personal data), newest first with the
 * reference breaking ties, each filter backed by an index of V10 in that order. Values are bound, never spliced.
 */
@ApplicationScoped
public class ContactSearch {

    private static final String COLUMNS = "reference, kind, channel, call_type, status, urgency, "
            + "location ->> 'state', received_at, follow_up = 'OPEN'";

    private final EntityManager entityManager;

    public ContactSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One page of the contacts matching {@code filter}, newest first. */
    public List<ContactSummary> page(ContactFilter filter, int page, int size) {
        Where where = Where.of(filter);
        Query query = entityManager.createNativeQuery("SELECT " + COLUMNS + " FROM contact" + where.sql()
                + " ORDER BY received_at DESC, reference DESC LIMIT :limit OFFSET :offset");
        where.bind(query);
        query.setParameter("limit", size).setParameter("offset", (long) page * size);
        List<ContactSummary> items = new ArrayList<>();
        for (Object row : query.getResultList()) {
            items.add(summary((Object[]) row));
        }
        return items;
    }

    /** How many contacts match {@code filter} in all. */
    public long count(ContactFilter filter) {
        Where where = Where.of(filter);
        Query query = entityManager.createNativeQuery("SELECT count(*) FROM contact" + where.sql());
        where.bind(query);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static ContactSummary summary(Object[] row) {
        return new ContactSummary((String) row[0], ContactKind.valueOf((String) row[1]),
                Channel.valueOf((String) row[2]), CallType.valueOf((String) row[3]), (String) row[4],
                row[5] == null ? null : Urgency.valueOf((String) row[5]), (String) row[6], instant(row[7]),
                Boolean.TRUE.equals(row[8]));
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /** A WHERE clause with its named parameters. */
    private record Where(String sql, Map<String, Object> parameters) {

        static Where of(ContactFilter f) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> parameters = new LinkedHashMap<>();
            if (f.referencePrefix() != null) {
                // A byte-order range, which an index serves in any plan (see V12); the prefix is ASCII.
                String prefix = f.referencePrefix();
                conditions.add("reference COLLATE \"C\" >= :prefixFrom AND reference COLLATE \"C\" < :prefixTo");
                parameters.put("prefixFrom", prefix);
                parameters.put("prefixTo", prefix.substring(0, prefix.length() - 1)
                        + (char) (prefix.charAt(prefix.length() - 1) + 1));
            }
            if (f.status() != null) {
                conditions.add("status = :status");
                parameters.put("status", f.status().name());
            }
            if (f.callType() != null) {
                conditions.add("call_type = :callType");
                parameters.put("callType", f.callType().name());
            }
            if (f.urgency() != null) {
                conditions.add("urgency = :urgency");
                parameters.put("urgency", f.urgency().name());
            }
            if (f.state() != null) {
                conditions.add("location ->> 'state' = :state");
                parameters.put("state", f.state());
            }
            if (f.receivedFrom() != null) {
                conditions.add("received_at >= :receivedFrom");
                parameters.put("receivedFrom", f.receivedFrom());
            }
            if (f.receivedBefore() != null) {
                conditions.add("received_at < :receivedBefore");
                parameters.put("receivedBefore", f.receivedBefore());
            }
            if (f.hasOpenFollowUp() != null) {
                conditions.add(f.hasOpenFollowUp() ? "follow_up = 'OPEN'" : "follow_up IS DISTINCT FROM 'OPEN'");
            }
            return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), parameters);
        }

        void bind(Query query) {
            parameters.forEach(query::setParameter);
        }
    }
}
