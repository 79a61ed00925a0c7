package org.hotline.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hotline.contracts.vocabulary.ResourceAudience;
import org.hotline.contracts.vocabulary.ResourceKind;

/**
 * A resource of the hotline's library: a fact sheet, training, toolkit, hotline card, legal guide or video, read at
 * its own https {@code url} or from its attached PDF ({@link ResourceFile}). {@code version} is 0 when created and goes
 * up with every change, as an organisation's does.
 */
@Entity
@Table(name = "resource")
public class LibraryResource {

    /** Where a resource stands on a given day. */
    public enum State {
        /** Not published yet (no date, or a date to come). */
        DRAFT,
        PUBLISHED,
        RETIRED
    }

    @Id
    private UUID id;

    @Column(nullable = false, columnDefinition = "text")
    private String title;

    @Column(nullable = false, columnDefinition = "text")
    private String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    private ResourceKind kind;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> topics;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> audiences;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> languages;

    @Column(columnDefinition = "text")
    private String url;

    @Column(name = "has_file", nullable = false)
    private boolean hasFile;

    @Column(name = "published_on")
    private LocalDate publishedOn;

    @Column(name = "retired_on")
    private LocalDate retiredOn;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected LibraryResource() {
    }

    /** Everything an administrator sets; lists already sorted and distinct. */
    public record Details(String title, String summary, ResourceKind kind, List<String> topics,
            List<ResourceAudience> audiences, List<String> languages, String url, LocalDate publishedOn,
            LocalDate retiredOn) {
    }

    public static LibraryResource create(UUID id, Details details, Instant now) {
        LibraryResource resource = new LibraryResource();
        resource.id = id;
        resource.replace(details, now);
        return resource;
    }

    /** Replaces what an administrator sets; the attached file, if any, stays. */
    public void replace(Details details, Instant now) {
        this.title = details.title();
        this.summary = details.summary();
        this.kind = details.kind();
        this.topics = List.copyOf(details.topics());
        this.audiences = details.audiences().stream().map(Enum::name).toList();
        this.languages = List.copyOf(details.languages());
        this.url = details.url();
        this.publishedOn = details.publishedOn();
        this.retiredOn = details.retiredOn();
        this.updatedAt = now;
    }

    /** Retires the resource from {@code on}, unless it was retired earlier already. */
    public void retire(LocalDate on, Instant now) {
        if (retiredOn == null || retiredOn.isAfter(on)) {
            retiredOn = on;
        }
        if (publishedOn != null && !publishedOn.isBefore(retiredOn)) {
            publishedOn = null; // retired before it was ever published: it stays a draft that is never shown
        }
        updatedAt = now;
    }

    public void fileAttached(Instant now) {
        this.hasFile = true;
        this.updatedAt = now;
    }

    public State state(LocalDate today) {
        if (retiredOn != null && !retiredOn.isAfter(today)) {
            return State.RETIRED;
        }
        return publishedOn != null && !publishedOn.isAfter(today) ? State.PUBLISHED : State.DRAFT;
    }

    /** Whether the public may read it today: published, not retired, and with a link or a file to read. */
    public boolean isPublic(LocalDate today) {
        return state(today) == State.PUBLISHED && (url != null || hasFile);
    }

    public UUID id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public ResourceKind kind() {
        return kind;
    }

    public List<String> topics() {
        return List.copyOf(topics);
    }

    public List<ResourceAudience> audiences() {
        return audiences.stream().map(ResourceAudience::valueOf).sorted().toList();
    }

    public List<String> languages() {
        return List.copyOf(languages);
    }

    public String url() {
        return url;
    }

    public boolean hasFile() {
        return hasFile;
    }

    public LocalDate publishedOn() {
        return publishedOn;
    }

    public LocalDate retiredOn() {
        return retiredOn;
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
