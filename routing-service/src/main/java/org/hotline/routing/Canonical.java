package org.hotline.routing;

import java.util.HashMap;
import java.util.Map;

/**
 * Hands out one shared instance per distinct value (states, counties, time zones, opening hours, need sets), so tens
 * of thousands of organisations in memory repeat no value. Not thread-safe: one writer uses it at a time.
 */
public final class Canonical {

    private final Map<Object, Object> values = new HashMap<>();

    @SuppressWarnings("unchecked")
    public <T> T of(T value) {
        if (value == null) {
            return null;
        }
        return (T) values.computeIfAbsent(value, v -> v);
    }
}
