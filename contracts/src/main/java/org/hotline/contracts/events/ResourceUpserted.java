package org.hotline.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.ResourceAudience;
import org.hotline.contracts.vocabulary.ResourceKind;
import org.hotline.contracts.vocabulary.TraffickingType;

/**
 * {@code hotline.resource.upserted}: the full current state of one resource of the directory's library on the
 * compacted resources topic (key = resource id; a tombstone, a null value, means it was retired or deleted). Consumers
 * replace, never merge. Its topics are needs and trafficking types, kept apart so that each stays in its own
 * vocabulary. {@code link} is where anyone may read it: its own https address, or the directory's public download of
 * its attached file; null while a resource to be attached has no file yet. {@code publishedOn} null is a draft; a
 * resource is proposable from {@code publishedOn} until the day before {@code retiredOn}.
 */
public record ResourceUpserted(
        UUID id,
        String title,
        ResourceKind kind,
        Set<Need> needs,
        Set<TraffickingType> traffickingTypes,
        Set<ResourceAudience> audiences,
        Set<String> languages,
        String link,
        LocalDate publishedOn,
        LocalDate retiredOn,
        long version,
        Instant updatedAt) {
}
