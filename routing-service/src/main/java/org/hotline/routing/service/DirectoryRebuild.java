package org.hotline.routing.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventFormatException;
import org.hotline.contracts.EventType;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.platform.inbox.IncomingEvent;
import org.hotline.platform.problem.ProblemException;
import org.hotline.routing.config.RoutingConfig;
import org.hotline.routing.messaging.OrganizationsTopicReader;
import org.hotline.routing.repository.DirectoryRows;
import org.jboss.logging.Logger;

/**
 * Rebuilds the directory read model from the beginning of the compacted organisations topic, on demand: in one
 * transaction, the table is made equal to the topic up to its end offsets at the start (a deleted organisation stays
 * deleted, rows the topic does not hold are marked deleted), then this instance reloads its index; the other
 * instances' indexes follow the table by themselves.
 *
 * <p>Live updates are never lost: the live consumer keeps running, and a row it wrote from a record at or after the
 * rebuild's end offsets is newer than anything the rebuild read, so the rebuild leaves it alone (each row remembers
 * its record's partition and offset). Records are folded as the live consumer applies them (an older version after a
 * newer one is ignored). One rebuild at a time across instances (a PostgreSQL advisory lock), 409 otherwise.
 */
@ApplicationScoped
public class DirectoryRebuild {

    private static final Logger LOG = Logger.getLogger(DirectoryRebuild.class);

    private final OrganizationsTopicReader topic;
    private final DirectoryRows rows;
    private final DirectoryIndex index;
    private final EventCodec codec;
    private final Clock clock;
    private final Duration timeout;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicReference<Result> last = new AtomicReference<>();

    public DirectoryRebuild(OrganizationsTopicReader topic, DirectoryRows rows, DirectoryIndex index, EventCodec codec,
            Clock clock, RoutingConfig config) {
        this.topic = topic;
        this.rows = rows;
        this.index = index;
        this.codec = codec;
        this.clock = clock;
        this.timeout = config.directory().rebuildTimeout();
    }

    /**
     * What a rebuild did.
     *
     * @param endOffsets        the end offset of each partition it read up to (partition number → offset)
     * @param recordsRead       records read below those offsets
     * @param organizations     organisations the topic holds (their latest record is not a tombstone)
     * @param deleted           organisations whose latest record is a tombstone
     * @param unreadable        records skipped as the live consumer would dead-letter them
     * @param staleIgnored      records ignored because a newer version of the organisation came before them
     * @param removedNotOnTopic rows marked deleted because the topic holds no record of them
     * @param indexed           organisations in this instance's index afterwards
     */
    public record Result(Instant startedAt, Instant finishedAt, Map<Integer, Long> endOffsets, long recordsRead,
            int organizations, int deleted, int unreadable, int staleIgnored, int removedNotOnTopic, int indexed) {
    }

    /** The last rebuild this instance made, or null. */
    /** Organisations in the read model's table now (tombstoned ones not counted). */
    public long organisationsStored() {
        return rows.countLive();
    }

    public Result last() {
        return last.get();
    }

    public Result rebuild() {
        if (!running.compareAndSet(false, true)) {
            throw inProgress();
        }
        try {
            Instant started = clock.instant();
            Instant deadline = started.plus(timeout);
            Fold fold = QuarkusTransaction.requiringNew().timeout((int) Math.max(1, timeout.toSeconds())).call(() -> {
                if (!rows.tryRebuildLock()) {
                    throw inProgress();
                }
                Fold f = new Fold();
                try (DirectoryRows.RebuildWriter writer = rows.rebuildWriter()) {
                    f.endOffsets = topic.readToEnd(record -> f.apply(record, writer), deadline);
                    writer.flush();
                }
                f.removedNotOnTopic = rows.deleteRowsNotOnTopic(f.endOffsets);
                return f;
            });
            index.reload();
            Result result = fold.result(started, clock.instant(), index.lastKnown().size());
            last.set(result);
            LOG.infof("Directory read model rebuilt from the topic: %d organisations, %d deleted, %d records read,"
                    + " %d unreadable, %d rows not on the topic removed", result.organizations(), result.deleted(),
                    result.recordsRead(), result.unreadable(), result.removedNotOnTopic());
            return result;
        } catch (KafkaException e) {
            throw new ProblemException(503, "kafka-unavailable", "Kafka unavailable",
                    "The organisations topic could not be read; the read model is unchanged");
        } finally {
            running.set(false);
        }
    }

    private static ProblemException inProgress() {
        return new ProblemException(409, "rebuild-in-progress", "Rebuild in progress",
                "A rebuild of the directory read model is already running; try again when it has finished");
    }

    /** The topic folded record by record, as the live consumer would apply it, written as it goes. */
    private final class Fold {
        private final Map<UUID, Held> held = new HashMap<>();
        private long[] endOffsets;
        private long recordsRead;
        private int unreadable;
        private int staleIgnored;
        private int removedNotOnTopic;

        void apply(ConsumerRecord<String, String> record, DirectoryRows.RebuildWriter writer) {
            recordsRead++;
            IncomingEvent event;
            UUID key;
            try {
                event = IncomingEvent.of(record);
                key = UUID.fromString(record.key());
            } catch (EventFormatException | IllegalArgumentException | NullPointerException e) {
                unreadable++;
                return;
            }
            if (event.isTombstone()) {
                Held before = held.get(key);
                held.put(key, new Held(before == null ? 0 : before.version(), true));
                writer.delete(key, record.partition(), record.offset());
                return;
            }
            OrganizationUpserted organization;
            try {
                if (event.type() != EventType.ORGANIZATION_UPSERTED) {
                    throw new EventFormatException(event + " does not belong on the organisations topic");
                }
                organization = event.payload(codec, OrganizationUpserted.class);
            } catch (EventFormatException e) {
                unreadable++;
                return;
            }
            Held before = held.get(organization.id());
            if (before != null && (before.deleted() ? organization.version() <= before.version()
                    : organization.version() < before.version())) {
                staleIgnored++;
                return;
            }
            held.put(organization.id(), new Held(organization.version(), false));
            writer.upsert(organization.id(), organization.name(), organization.version(), event.payload(),
                    organization.updatedAt(), record.partition(), record.offset());
        }

        Result result(Instant started, Instant finished, int indexed) {
            int deleted = (int) held.values().stream().filter(Held::deleted).count();
            Map<Integer, Long> ends = new LinkedHashMap<>();
            for (int p = 0; p < endOffsets.length; p++) {
                ends.put(p, endOffsets[p]);
            }
            return new Result(started, finished, ends, recordsRead, held.size() - deleted, deleted, unreadable,
                    staleIgnored, removedNotOnTopic, indexed);
        }
    }

    private record Held(long version, boolean deleted) {
    }
}
