package org.hotline.platform.rest;

/** A page of a list, checked: {@code page} from 0, {@code size} rows; the rows to skip fit a {@code long}. */
public record PageRequest(int page, int size) {

    public long offset() {
        return (long) page * size;
    }
}
