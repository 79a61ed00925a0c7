package org.hotline.console.client;

import java.util.List;

/** platform's paging answer: {@code {items, page, size, totalItems, totalPages}}. */
public record ResultPage<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public boolean hasNext() {
        return page + 1 < totalPages;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public int nextPage() {
        return page + 1;
    }

    public int previousPage() {
        return page - 1;
    }

    public int shownPage() {
        return page + 1;
    }
}
