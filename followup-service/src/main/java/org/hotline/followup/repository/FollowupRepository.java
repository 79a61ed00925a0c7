package org.hotline.followup.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import org.hotline.followup.Followup;
import org.hotline.followup.FollowupStatus;

@ApplicationScoped
public class FollowupRepository implements PanacheRepositoryBase<Followup, UUID> {

    /** Deadline order: the reply due first comes first; the id breaks ties so pages are stable. */
    private static final Sort BY_TARGET = Sort.by("targetAt").and("id");

    public Optional<Followup> findByReference(String reference) {
        return find("reference", reference).firstResultOptional();
    }

    /** The follow-up locked for an update, so concurrent completions queue up and only the first succeeds. */
    public Optional<Followup> findByReferenceForUpdate(String reference) {
        return find("reference", reference).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public boolean existsForReference(String reference) {
        return count("reference", reference) > 0;
    }

    /**
     * The {@code limit} most urgent open follow-ups at {@code now}: breached first, then at risk, then the others, each
     * group in target order. Three small queries, each stopping at {@code limit} rows in the (status, target) index,
     * rather than one sort of the whole backlog.
     */
    public List<Followup> mostUrgentOpen(Instant now, int limit) {
        List<Followup> urgent = new ArrayList<>(limit);
        for (String group : List.of("breachAt < :now", "targetAt < :now and breachAt >= :now", "targetAt >= :now")) {
            if (urgent.size() >= limit) {
                break;
            }
            urgent.addAll(find("status = :open and " + group, BY_TARGET,
                    Parameters.with("open", FollowupStatus.OPEN).and("now", now))
                    .page(0, limit - urgent.size()).list());
        }
        return urgent;
    }

    /**
     * Follow-ups in deadline order, optionally only those of one status and only those whose promise is (or is not)
     * broken at {@code now}: open past the breach time, or completed after it.
     */
    public PanacheQuery<Followup> search(Optional<FollowupStatus> status, Optional<Boolean> breached, Instant now) {
        List<String> conditions = new ArrayList<>();
        Parameters params = new Parameters();
        status.ifPresent(s -> {
            conditions.add("status = :status");
            params.and("status", s);
        });
        breached.ifPresent(b -> {
            conditions.add(b
                    ? "((status = :open and breachAt < :now) or (status = :completed and completedAt > breachAt))"
                    : "((status = :open and breachAt >= :now) or (status = :completed and completedAt <= breachAt))");
            params.and("open", FollowupStatus.OPEN).and("completed", FollowupStatus.COMPLETED).and("now", now);
        });
        if (conditions.isEmpty()) {
            return findAll(BY_TARGET);
        }
        return find(String.join(" and ", conditions), BY_TARGET, params);
    }
}
