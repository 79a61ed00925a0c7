package org.hotline.directory.hsds;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The directory's id of an imported record. HSDS 3 ids are UUIDs, unique by construction, so one is kept as it is
 * (and the directory's own export round-trips with its ids). A dataset with other ids (a CSV datapackage numbering its
 * rows) gets name-based UUIDs of its source, the table and the id, so importing it again finds the same records.
 */
public final class ImportIds {

    private ImportIds() {
    }

    /**
     * @throws IllegalArgumentException when {@code sourceId} is not a UUID and there is no source to derive one from
     */
    public static UUID of(String source, String table, String sourceId) {
        String id = sourceId.strip();
        if (isUuid(id)) {
            return UUID.fromString(id);
        }
        if (source == null) {
            throw new IllegalArgumentException("not a UUID");
        }
        return UUID.nameUUIDFromBytes((source + "/" + table + "/" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code value} is written as a UUID (8-4-4-4-12 hex digits). */
    public static boolean isUuid(String value) {
        return value != null && value.strip().matches(
                "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }
}
