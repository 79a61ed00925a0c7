package org.hotline.console.client;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hotline.contracts.vocabulary.ResourceAudience;
import org.hotline.contracts.vocabulary.ResourceKind;

/** A resource of directory's library, as {@code GET /api/v1/resources[/{id}]} answers. */
public record LibraryResource(UUID id, String title, String summary, ResourceKind kind, List<String> topics,
        List<ResourceAudience> audiences, List<String> languages, String url, FileInfo file, String link,
        LocalDate publishedOn, LocalDate retiredOn, String state, long version) {

    public LibraryResource {
        topics = topics == null ? List.of() : List.copyOf(topics);
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        languages = languages == null ? List.of() : List.copyOf(languages);
    }

    /** The attached PDF, without its bytes. */
    public record FileInfo(String fileName, long sizeBytes) {
    }

    public boolean hasTopic(String topic) {
        return topics.contains(topic);
    }

    public boolean hasAudience(ResourceAudience audience) {
        return audiences.contains(audience);
    }

    public String languageList() {
        return String.join(", ", languages);
    }
}
