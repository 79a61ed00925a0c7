package org.hotline.platform.rest;

import java.util.List;

/** One page of a list answer, the same shape in every service: the items and how many match in all. */
public record ResultPage<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static <T> ResultPage<T> of(List<T> items, int page, int size, long totalItems) {
        return new ResultPage<>(List.copyOf(items), page, size, totalItems, size == 0 ? 0 : (totalItems + size - 1) / size);
    }
}
