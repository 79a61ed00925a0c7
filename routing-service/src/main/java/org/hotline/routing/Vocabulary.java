package org.hotline.routing;

import java.util.List;
import java.util.Set;

import org.hotline.contracts.vocabulary.AgeBand;

/** Vocabulary as the decision's explanations print it: in declaration order, spelled as on the wire. */
final class Vocabulary {

    private Vocabulary() {
    }

    static <E extends Enum<E>> List<E> sorted(Set<E> values) {
        return values.stream().sorted().toList();
    }

    /** e.g. {@code [UNDER_12, 12_17]}. */
    static <E extends Enum<E>> String spelled(Set<E> values) {
        return sorted(values).stream().map(Vocabulary::spelling).toList().toString();
    }

    /** The constant's wire spelling ({@code 12_17} for {@code AGE_12_17}). */
    static String spelling(Enum<?> constant) {
        return constant instanceof AgeBand band ? band.spelling() : constant.name();
    }
}
