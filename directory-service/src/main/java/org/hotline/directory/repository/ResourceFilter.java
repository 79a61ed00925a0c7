package org.hotline.directory.repository;

import java.time.LocalDate;

import org.hotline.contracts.vocabulary.ResourceAudience;
import org.hotline.directory.LibraryResource;

/**
 * What a search of the library asks for; null means any. {@code publicOnly} keeps what the public may read on
 * {@code today}: published, not retired, with a link or a file.
 */
public record ResourceFilter(String topic, ResourceAudience audience, String language, String q,
        LibraryResource.State state, boolean publicOnly, LocalDate today) {
}
