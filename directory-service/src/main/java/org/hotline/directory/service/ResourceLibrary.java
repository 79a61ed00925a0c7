package org.hotline.directory.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.hotline.contracts.EventType;
import org.hotline.directory.LibraryResource;
import org.hotline.directory.ResourceFile;
import org.hotline.directory.config.DirectoryConfig;
import org.hotline.directory.messaging.ResourceEvents;
import org.hotline.directory.repository.ResourceFileRepository;
import org.hotline.directory.repository.ResourceRepository;
import org.hotline.directory.rest.ResourceRequest;
import org.hotline.platform.outbox.OutboxWriter;
import org.hotline.platform.problem.Problem;
import org.hotline.platform.problem.ProblemException;

/**
 * Creates, changes, retires and deletes the library's resources and attaches their PDFs. Each change and its event on
 * the compacted resources topic are written in one transaction through the outbox: the full state keyed by resource
 * id while the resource is not retired, a tombstone once it is retired or deleted. Dates are UTC days.
 */
@ApplicationScoped
public class ResourceLibrary {

    /** Every PDF starts with these bytes (ISO 32000-2, 7.5.2); the declared content type alone proves nothing. */
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    private final ResourceRepository resources;
    private final ResourceFileRepository files;
    private final OutboxWriter outbox;
    private final DirectoryConfig config;
    private final Clock clock;

    public ResourceLibrary(ResourceRepository resources, ResourceFileRepository files, OutboxWriter outbox,
            DirectoryConfig config, Clock clock) {
        this.resources = resources;
        this.files = files;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Stores a new resource under {@code id} (random for the API, fixed for the seed) and publishes it. */
    @Transactional
    public LibraryResource create(@NotNull UUID id, @NotNull @Valid ResourceRequest request) {
        LibraryResource resource = LibraryResource.create(id, details(request, false), now());
        resources.persist(resource);
        resources.flush();
        publish(resource);
        return resource;
    }

    /**
     * Replaces what an administrator sets (the file stays) and publishes the new state.
     *
     * @param expectedVersion the version last read ({@code If-Match}); null replaces any version
     */
    @Transactional
    public LibraryResource replace(@NotNull UUID id, Long expectedVersion, @NotNull @Valid ResourceRequest request) {
        LibraryResource resource = find(id);
        checkVersion(resource, expectedVersion);
        resource.replace(details(request, resource.hasFile()), now());
        flushChange();
        publish(resource);
        return resource;
    }

    /** Retires the resource from today (unless retired earlier): it leaves the public read and routing's proposals. */
    @Transactional
    public LibraryResource retire(@NotNull UUID id) {
        LibraryResource resource = find(id);
        resource.retire(today(), now());
        flushChange();
        publish(resource);
        return resource;
    }

    /** Deletes the resource and its file, and publishes a tombstone for its id. */
    @Transactional
    public void delete(@NotNull UUID id) {
        LibraryResource resource = find(id);
        files.deleteById(id);
        resources.delete(resource);
        outbox.appendTombstone(EventType.RESOURCE_UPSERTED, id.toString());
    }

    /**
     * Attaches (or replaces) the resource's PDF after checking that the bytes are one, whatever type was declared, and
     * within the size limit; publishes the resource with its download link.
     */
    @Transactional
    public LibraryResource attach(@NotNull UUID id, String fileName, byte[] content) {
        LibraryResource resource = find(id);
        List<Problem.Violation> violations = new ArrayList<>();
        long limit = config.resources().maxFileSize().asLongValue();
        if (content == null || content.length == 0) {
            violations.add(new Problem.Violation("file", "must not be empty"));
        } else if (content.length > limit) {
            throw new ProblemException(413, "file-too-large", "File too large",
                    "The file is " + content.length + " bytes; at most " + limit + " are accepted",
                    List.of(new Problem.Violation("file", "must be at most " + limit + " bytes")));
        } else if (!startsWithPdfMagic(content)) {
            violations.add(new Problem.Violation("file", "is not a PDF (a PDF starts with %PDF-)"));
        }
        String name = fileName(fileName, id, violations);
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request",
                    "The file has " + violations.size() + " problem(s)", violations);
        }
        if (resource.url() != null) {
            throw new ProblemException(409, "conflict", "Conflict",
                    "The resource is read at its link; remove the link before attaching a file");
        }
        Instant now = now();
        ResourceFile file = files.findByIdOptional(id).orElse(null);
        if (file == null) {
            file = new ResourceFile(id);
            file.replace(name, content, sha256(content), now); // complete before persist: its insert takes this state
            files.persist(file);
        } else {
            file.replace(name, content, sha256(content), now);
        }
        resource.fileAttached(now);
        flushChange();
        publish(resource);
        return resource;
    }

    /** Where the public reads the resource: its url, or the download of its file; null while it has neither. */
    public String link(LibraryResource resource) {
        if (resource.url() != null) {
            return resource.url();
        }
        if (!resource.hasFile()) {
            return null;
        }
        String base = config.resources().publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/api/v1/public/resources/" + resource.id() + "/file";
    }

    /** Today as the library reads publication and retirement dates: the UTC date. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private void publish(LibraryResource resource) {
        if (resource.state(today()) == LibraryResource.State.RETIRED) {
            outbox.appendTombstone(EventType.RESOURCE_UPSERTED, resource.id().toString());
        } else {
            outbox.append(resource.id().toString(), ResourceEvents.upserted(resource, link(resource)));
        }
    }

    private static LibraryResource.Details details(ResourceRequest r, boolean hasFile) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < r.topics().size(); i++) {
            if (!ResourceTopics.isTopic(r.topics().get(i))) {
                violations.add(new Problem.Violation("topics[" + i + "]",
                        "must be a need or a trafficking type, one of " + ResourceTopics.ALL));
            }
        }
        if (r.publishedOn() != null && r.retiredOn() != null && !r.retiredOn().isAfter(r.publishedOn())) {
            violations.add(new Problem.Violation("retiredOn", "must be after publishedOn"));
        }
        String url = r.url() == null || r.url().isBlank() ? null : r.url().strip();
        if (url != null && hasFile) {
            violations.add(new Problem.Violation("url",
                    "must be absent: the resource has an attached PDF, and is read either at a link or from a file"));
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request",
                    "The request has " + violations.size() + " invalid field(s)", violations);
        }
        return new LibraryResource.Details(r.title().strip(), r.summary().strip(), r.kind(),
                ResourceTopics.ordered(r.topics()), r.audiences().stream().distinct().sorted().toList(),
                r.languages().stream().distinct().sorted().toList(), url, r.publishedOn(), r.retiredOn());
    }

    private static void checkVersion(LibraryResource resource, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != resource.version()) {
            throw new ProblemException(412, "precondition-failed", "Precondition failed",
                    "The resource is at version " + resource.version() + ", not " + expectedVersion
                            + "; read it again and reapply the change");
        }
    }

    private void flushChange() {
        try {
            resources.flush(); // increments the version, which the event must carry
        } catch (OptimisticLockException e) {
            throw new ProblemException(409, "conflict", "Conflict",
                    "The resource was changed by another request at the same time; read it again");
        }
    }

    private LibraryResource find(UUID id) {
        return resources.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Resource " + id));
    }

    private static boolean startsWithPdfMagic(byte[] content) {
        if (content.length < PDF_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < PDF_MAGIC.length; i++) {
            if (content[i] != PDF_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** A plain file name ending in .pdf: letters, digits, dots, dashes, underscores and spaces, at most 120. */
    private static String fileName(String requested, UUID id, List<Problem.Violation> violations) {
        if (requested == null || requested.isBlank()) {
            return id + ".pdf";
        }
        String name = requested.strip();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._ -]{0,115}\\.[pP][dD][fF]")) {
            violations.add(new Problem.Violation("fileName",
                    "must be a plain file name ending in .pdf (letters, digits, '.', '-', '_', spaces; at most 120)"));
            return null;
        }
        return name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Truncated to what PostgreSQL stores, so the event and a later read show the same instant. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
