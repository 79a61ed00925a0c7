package org.hotline.directory.hsds;

import java.util.List;

/** An HSDS page as asked for, checked: {@code page} counts from 1, {@code perPage} items. */
public record HsdsPaging(int page, int perPage) {

    public int offset() {
        return (page - 1) * perPage;
    }

    /** This page of a list held whole (the taxonomies are small). */
    public <T> Hsds.Page<T> of(List<T> all) {
        return Hsds.Page.of(all.stream().skip(offset()).limit(perPage).toList(), page, perPage, all.size());
    }

    public <T> Hsds.Page<T> of(List<T> contents, long totalItems) {
        return Hsds.Page.of(contents, page, perPage, totalItems);
    }
}
