package org.hotline.directory.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.hotline.directory.LibraryResource;
import org.hotline.directory.ResourceFile;
import org.hotline.directory.repository.ResourceFileRepository;
import org.hotline.directory.repository.ResourceRepository;
import org.hotline.directory.service.ResourceLibrary;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.rest.ResultPage;

/** The reads the staff and public resource APIs share: a page of the search, one resource, its file. */
@ApplicationScoped
class ResourceViews {

    private final ResourceRepository resources;
    private final ResourceFileRepository files;
    private final ResourceLibrary library;

    ResourceViews(ResourceRepository resources, ResourceFileRepository files, ResourceLibrary library) {
        this.resources = resources;
        this.files = files;
        this.library = library;
    }

    ResultPage<ResourceView> search(ResourceQuery.Raw raw, boolean publicOnly) {
        LocalDate today = library.today();
        ResourceQuery query = ResourceQuery.parse(raw, publicOnly, today);
        ResourceRepository.SearchPage found = resources.search(query.filter(), query.page(), query.size());
        List<LibraryResource> page = resources.findAllInOrder(found.ids());
        Map<UUID, ResourceFile> attached = new HashMap<>();
        if (page.stream().anyMatch(LibraryResource::hasFile)) {
            files.list("resourceId in ?1", found.ids()).forEach(f -> attached.put(f.resourceId(), f));
        }
        List<ResourceView> items = page.stream()
                .map(r -> ResourceView.of(r, attached.get(r.id()), library.link(r), today)).toList();
        return ResultPage.of(items, query.page(), query.size(), found.total());
    }

    /** The resource, if it exists and (for the public) may be read today. */
    Optional<LibraryResource> find(String id, boolean publicOnly) {
        return parse(id).flatMap(resources::findByIdOptional)
                .filter(r -> !publicOnly || r.isPublic(library.today()));
    }

    ResourceView view(LibraryResource resource) {
        ResourceFile file = resource.hasFile() ? files.findByIdOptional(resource.id()).orElse(null) : null;
        return ResourceView.of(resource, file, library.link(resource), library.today());
    }

    /** The attached PDF as a download: its own name, {@code application/pdf}, never sniffed or run by a browser. */
    Response download(LibraryResource resource) {
        ResourceFile file = files.findByIdOptional(resource.id())
                .orElseThrow(() -> ProblemException.notFound("The file of resource " + resource.id()));
        return Response.ok(file.content(), ResourceFile.PDF)
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                .header("Content-Length", file.sizeBytes())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .build();
    }

    static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    static ProblemException notFound(String id) {
        // An id that is not a UUID names no resource either; it is not echoed.
        return ProblemException.notFound(parse(id).isPresent() ? "Resource " + id : "The resource");
    }

    static URI location(LibraryResource resource) {
        return URI.create("/api/v1/resources/" + resource.id());
    }
}
