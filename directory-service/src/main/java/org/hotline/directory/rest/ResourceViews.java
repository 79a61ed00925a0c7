package org.hotline.directory.rest;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.hotline.directory.LibraryResource;
import org.hotline.directory.ResourceFile;
import org.hotline.directory.service.ResourceCatalogue;
import org.hotline.directory.service.ResourceLibrary;
import org.hotline.platform.problem.ProblemException;
import org.hotline.platform.rest.PageParameters;
import org.hotline.platform.rest.ResultPage;

/** What the staff and public resource APIs share: the search, one resource, its file, read through the catalogue. */
@ApplicationScoped
class ResourceViews {

    private final ResourceCatalogue catalogue;
    private final ResourceLibrary library;

    ResourceViews(ResourceCatalogue catalogue, ResourceLibrary library) {
        this.catalogue = catalogue;
        this.library = library;
    }

    ResultPage<ResourceView> search(ResourceQuery.Raw raw, PageParameters paging, boolean publicOnly) {
        ResourceQuery query = ResourceQuery.parse(raw, paging, publicOnly, library.today());
        return catalogue.search(query.filter(), query.page(), this::view);
    }

    /** The resource as the API shows it, if it exists and (for the public) may be read today; else 404. */
    ResourceView get(String id, boolean publicOnly) {
        return parse(id).flatMap(found -> catalogue.find(found, publicOnly, this::view))
                .orElseThrow(() -> notFound(id));
    }

    /** A resource just changed, as the API shows it. */
    ResourceView view(LibraryResource changed) {
        return catalogue.find(changed.id(), false, this::view).orElseThrow(() -> notFound(changed.id().toString()));
    }

    /** The attached PDF as a download: its own name, {@code application/pdf}, never sniffed or run by a browser. */
    Response download(String id, boolean publicOnly) {
        UUID resource = parse(id).orElseThrow(() -> notFound(id));
        return catalogue.file(resource, publicOnly, file -> file == null ? null
                : Response.ok(file.content(), ResourceFile.PDF)
                        .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")
                        .header("Content-Length", file.sizeBytes())
                        .header("X-Content-Type-Options", "nosniff")
                        .header("Content-Security-Policy", "sandbox")
                        .build())
                .orElseThrow(() -> ProblemException.notFound("The file of resource " + resource));
    }

    private ResourceView view(LibraryResource resource, ResourceFile file) {
        return ResourceView.of(resource, file, library.link(resource), library.today());
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
