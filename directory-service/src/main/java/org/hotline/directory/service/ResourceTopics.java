package org.hotline.directory.service;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;

/**
 * The topics a resource may have: every {@link Need} (TRAINING and INFORMATION among them) and every
 * {@link TraffickingType}. The two vocabularies share no name, so one list of strings holds both.
 */
public final class ResourceTopics {

    /** In vocabulary order: needs first, then trafficking types. */
    public static final List<String> ALL = Stream.concat(Arrays.stream(Need.values()).map(Enum::name),
            Arrays.stream(TraffickingType.values()).map(Enum::name)).toList();

    private ResourceTopics() {
    }

    public static boolean isTopic(String value) {
        return value != null && ALL.contains(value);
    }

    public static Optional<Need> need(String topic) {
        return Arrays.stream(Need.values()).filter(n -> n.name().equals(topic)).findFirst();
    }

    public static Optional<TraffickingType> traffickingType(String topic) {
        return Arrays.stream(TraffickingType.values()).filter(t -> t.name().equals(topic)).findFirst();
    }

    /** Distinct, in vocabulary order. */
    public static List<String> ordered(List<String> topics) {
        return ALL.stream().filter(topics::contains).toList();
    }
}
