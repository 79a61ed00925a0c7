package org.hotline.benchmarks;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A benchmark's {@code --name=value} options: unknown names and malformed values are refused with the known ones. */
final class Arguments {

    private final Map<String, String> values;

    private Arguments(Map<String, String> values) {
        this.values = values;
    }

    static Arguments parse(String[] args, List<String> known) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("Expected --name=value, got " + arg);
            }
            if (!known.contains(kv[0])) {
                throw new IllegalArgumentException("Unknown option --" + kv[0] + " (known: --"
                        + String.join(", --", known) + ")");
            }
            values.put(kv[0], kv[1]);
        }
        return new Arguments(values);
    }

    int integer(String name, int otherwise) {
        long value = number(name, otherwise);
        if (value != (int) value) {
            throw new IllegalArgumentException("--" + name + " is too large: " + value);
        }
        return (int) value;
    }

    long longInteger(String name, long otherwise) {
        return number(name, otherwise);
    }

    /** A folder, absolute; the current folder unless given. */
    Path folder(String name) {
        return Path.of(values.getOrDefault(name, "")).toAbsolutePath();
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(values.get(name));
    }

    private long number(String name, long otherwise) {
        String value = values.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes a whole number, got " + value);
        }
    }
}
