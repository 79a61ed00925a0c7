package org.hotline.routing;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.hotline.contracts.vocabulary.ResourceAudience;
import org.hotline.contracts.vocabulary.ResourceKind;

/**
 * A resource of the directory's library as routing's read model holds it. {@code topics} are its needs and
 * trafficking types by name; {@code link} is null while the resource has neither a link nor its file.
 */
public record CatalogueResource(UUID id, String title, ResourceKind kind, Set<String> topics,
        Set<ResourceAudience> audiences, Set<String> languages, String link, LocalDate publishedOn,
        LocalDate retiredOn) {

    /** Why the resource cannot be sent on {@code today}, or null when it can. */
    public String unavailableReason(LocalDate today) {
        if (retiredOn != null && !retiredOn.isAfter(today)) {
            return "retired";
        }
        if (publishedOn == null || publishedOn.isAfter(today)) {
            return "not published yet";
        }
        return link == null ? "no link or file to send yet" : null;
    }
}
