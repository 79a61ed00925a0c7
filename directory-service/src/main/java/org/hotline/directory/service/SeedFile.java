package org.hotline.directory.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A seed file on the class path: a JSON array of requests in the API's shape, each with the fixed {@code id} it is
 * created under (a request does not carry one), so seeding is the same on every start and every instance.
 */
final class SeedFile {

    /** One entry: its fixed id and the request. */
    record Entry<T>(UUID id, T request) {
    }

    private SeedFile() {
    }

    static <T> List<Entry<T>> read(ObjectMapper mapper, String resource, Class<T> requestType) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Seed resource " + resource + " is missing");
            }
            List<Entry<T>> entries = new ArrayList<>();
            for (JsonNode node : mapper.readTree(in)) {
                entries.add(new Entry<>(UUID.fromString(node.required("id").asText()),
                        mapper.treeToValue(node, requestType)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Seed resource " + resource + " cannot be read", e);
        }
    }
}
