package org.hotline.routing.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.hotline.contracts.events.OrganizationUpserted;
import org.hotline.platform.SafeThrowables;
import org.hotline.routing.Canonical;
import org.hotline.routing.DirectorySnapshot;
import org.hotline.routing.ListedOrganization;
import org.hotline.routing.repository.DirectoryRows;
import org.jboss.logging.Logger;

/**
 * This instance's in-memory index of the directory read model table, which stays the one source of truth shared by
 * every routing instance (whichever instance consumed a record wrote its row).
 *
 * <p>Loaded whole at start, then kept equal to the table by reading only the rows written by transactions it may not
 * have seen (a PostgreSQL transaction-id watermark, see {@link DirectoryRows#changesSince}): before every decision,
 * so a decision sees every directory change committed before it began, exactly as when the table was read per
 * decision, and every {@code hotline.routing.directory.refresh-every} in the background, so decisions rarely find
 * anything to apply. Changes build a new immutable {@link DirectorySnapshot} that is published with one volatile
 * write: readers never lock and never see half an update. One writer at a time.
 */
@ApplicationScoped
public class DirectoryIndex {

    private static final Logger LOG = Logger.getLogger(DirectoryIndex.class);

    private final DirectoryRows rows;
    private final ObjectMapper mapper;
    private final ReentrantLock writer = new ReentrantLock();

    // Writer state, guarded by the lock: what each organisation in the snapshot was built from.
    private final Map<UUID, Entry> entries = new HashMap<>();
    private Canonical canonical = new Canonical();
    private Long watermark;

    private volatile DirectorySnapshot snapshot = DirectorySnapshot.empty();

    public DirectoryIndex(DirectoryRows rows, ObjectMapper mapper, MeterRegistry registry) {
        this.rows = rows;
        this.mapper = mapper;
        registry.gauge("hotline.routing.directory.organizations", this, index -> index.snapshot.size());
    }

    private record Entry(ListedOrganization organization, long writtenXid) {
    }

    void onStart(@Observes StartupEvent start) {
        try {
            reload();
            LOG.infof("Directory index loaded: %d organisations", snapshot.size());
        } catch (RuntimeException e) {
            // The first decision or background refresh loads it.
            LOG.warnf("Directory index not loaded at start, will load on first use: %s", SafeThrowables.describe(e));
        }
    }

    /** The index with every change committed to the table before this call; use it without locks. */
    public DirectorySnapshot current() {
        refresh();
        return snapshot;
    }

    /** The index as last refreshed, without looking at the table. */
    public DirectorySnapshot lastKnown() {
        return snapshot;
    }

    /** Applies what changed in the table since the last look (everything, the first time). */
    public void refresh() {
        writer.lock();
        try {
            QuarkusTransaction.joiningExisting().run(this::applyChanges);
        } finally {
            writer.unlock();
        }
    }

    /** Forgets the index and loads it whole from the table (after a rebuild). */
    public void reload() {
        writer.lock();
        try {
            watermark = null;
            QuarkusTransaction.joiningExisting().run(this::applyChanges);
        } finally {
            writer.unlock();
        }
    }

    private void applyChanges() {
        boolean full = watermark == null;
        Canonical values = full ? new Canonical() : canonical;
        List<Change> changes = new ArrayList<>();
        long next = rows.changesSince(watermark, row -> {
            Entry held = full ? null : entries.get(row.id());
            if (held != null && held.writtenXid() == row.writtenXid()) {
                return; // seen already: the watermark overlaps transactions that were still running last time
            }
            if (held != null || !row.deleted()) {
                changes.add(new Change(row.id(), row.writtenXid(), row.deleted() ? null : parse(row, values)));
            }
        });
        // Only now that the whole read succeeded does the writer state move on.
        if (full) {
            entries.clear();
            canonical = values;
        }
        List<ListedOrganization> removed = new ArrayList<>();
        List<ListedOrganization> added = new ArrayList<>();
        for (Change change : changes) {
            Entry held = entries.remove(change.id());
            if (held != null) {
                removed.add(held.organization());
            }
            if (change.organization() != null) {
                added.add(change.organization());
                entries.put(change.id(), new Entry(change.organization(), change.writtenXid()));
            }
        }
        snapshot = full ? DirectorySnapshot.empty().with(List.of(), added) : snapshot.with(removed, added);
        watermark = next;
    }

    /** A row to apply: its organisation as listed, or null when it is deleted (or unreadable). */
    private record Change(UUID id, long writtenXid, ListedOrganization organization) {
    }

    private ListedOrganization parse(DirectoryRows.Row row, Canonical values) {
        if (row.document() == null) {
            return null;
        }
        try {
            return ListedOrganization.of(mapper.readValue(row.document(), OrganizationUpserted.class), values);
        } catch (JsonProcessingException | RuntimeException e) {
            // A row the consumer wrote from a checked event never fails here; if one does, it is no candidate.
            LOG.warnf("Directory read model row %s unreadable, left out of the index: %s", row.id(),
                    e.getClass().getSimpleName());
            return null;
        }
    }
}
