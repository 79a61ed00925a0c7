package org.hotline.directory.rest;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.databind.ObjectWriter;
import org.hotline.directory.service.HsdsCatalogue;

/**
 * HSDS's {@code format=ndjson}: every match, one JSON document per line, without pages. Written as it is read: the
 * answer is a {@link StreamingOutput} that asks for one keyset batch at a time (each its own short transaction) and
 * writes and flushes it before asking for the next, so what is held is one batch whatever the directory's size.
 */
final class HsdsNdjson {

    static final String MEDIA_TYPE = "application/x-ndjson";

    private HsdsNdjson() {
    }

    /** Streams the batches {@code next} gives, starting after nothing, until one says it was the last. */
    static <T> Response stream(ObjectWriter writer, Function<UUID, HsdsCatalogue.Batch<T>> next) {
        StreamingOutput body = out -> {
            UUID after = null;
            do {
                HsdsCatalogue.Batch<T> batch = next.apply(after);
                for (T item : batch.items()) {
                    out.write(writer.writeValueAsBytes(item));
                    out.write('\n');
                }
                out.flush();
                after = batch.last();
            } while (after != null);
        };
        return Response.ok(body, MEDIA_TYPE).build();
    }

    /** A small list held whole (the taxonomies), one per line. */
    static <T> Response of(ObjectWriter writer, List<T> items) {
        StreamingOutput body = out -> {
            for (T item : items) {
                out.write(writer.writeValueAsBytes(item));
                out.write('\n');
            }
        };
        return Response.ok(body, MEDIA_TYPE).build();
    }
}
