package org.hotline.directory.messaging;

import java.util.LinkedHashSet;
import java.util.Set;

import org.hotline.contracts.events.ResourceUpserted;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.directory.LibraryResource;
import org.hotline.directory.service.ResourceTopics;

/**
 * Maps a resource of the library to its {@code hotline.resource.upserted} event: the full current state, which
 * consumers of the compacted topic replace theirs with. The summary stays in the directory.
 */
public final class ResourceEvents {

    private ResourceEvents() {
    }

    /** {@code link}: where the public reads it (its url, or the public download of its file), or null. */
    public static ResourceUpserted upserted(LibraryResource r, String link) {
        Set<Need> needs = new LinkedHashSet<>();
        Set<TraffickingType> types = new LinkedHashSet<>();
        for (String topic : r.topics()) {
            ResourceTopics.need(topic).ifPresent(needs::add);
            ResourceTopics.traffickingType(topic).ifPresent(types::add);
        }
        return new ResourceUpserted(r.id(), r.title(), r.kind(), needs, types, new LinkedHashSet<>(r.audiences()),
                new LinkedHashSet<>(r.languages()), link, r.publishedOn(), r.retiredOn(), r.version(),
                r.updatedAt());
    }
}
