package org.hotline.directory.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.hotline.contracts.vocabulary.ResourceAudience;
import org.hotline.contracts.vocabulary.ResourceKind;
import org.hotline.directory.LibraryResource;
import org.hotline.directory.ResourceFile;

/**
 * A resource of the library as the API shows it. {@code link} is where anyone reads it (its url, or the public
 * download of its file); {@code file} describes the attached PDF; {@code state} is where it stands today.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceView(UUID id, String title, String summary, ResourceKind kind, List<String> topics,
        List<ResourceAudience> audiences, List<String> languages, String url, FileView file, String link,
        LocalDate publishedOn, LocalDate retiredOn, LibraryResource.State state, long version, Instant updatedAt) {

    /** The attached PDF, without its bytes. */
    public record FileView(String fileName, String contentType, long sizeBytes, String sha256, Instant uploadedAt) {

        static FileView of(ResourceFile f) {
            return f == null ? null
                    : new FileView(f.fileName(), f.contentType(), f.sizeBytes(), f.sha256(), f.uploadedAt());
        }
    }

    static ResourceView of(LibraryResource r, ResourceFile file, String link, LocalDate today) {
        return new ResourceView(r.id(), r.title(), r.summary(), r.kind(), r.topics(), r.audiences(), r.languages(),
                r.url(), FileView.of(file), link, r.publishedOn(), r.retiredOn(), r.state(today), r.version(),
                r.updatedAt());
    }
}
