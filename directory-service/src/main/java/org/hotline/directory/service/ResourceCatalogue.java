package org.hotline.directory.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.directory.LibraryResource;
import org.hotline.directory.ResourceFile;
import org.hotline.directory.repository.ResourceFileRepository;
import org.hotline.directory.repository.ResourceFilter;
import org.hotline.directory.repository.ResourceRepository;
import org.hotline.platform.rest.PageRequest;
import org.hotline.platform.rest.ResultPage;

/**
 * Reads of the resource library for the staff and public APIs. Each runs in one transaction that also covers the
 * caller's view of each resource, so a resource and its attached file are shown as they were read together.
 */
@ApplicationScoped
public class ResourceCatalogue {

    /** How the caller shows a resource and its attached file (null when it has none). */
    @FunctionalInterface
    public interface View<T> {
        T of(LibraryResource resource, ResourceFile file);
    }

    private final ResourceRepository resources;
    private final ResourceFileRepository files;
    private final ResourceLibrary library;

    public ResourceCatalogue(ResourceRepository resources, ResourceFileRepository files, ResourceLibrary library) {
        this.resources = resources;
        this.files = files;
        this.library = library;
    }

    @Transactional
    public <T> ResultPage<T> search(ResourceFilter filter, PageRequest page, View<T> view) {
        ResourceRepository.SearchPage found = resources.search(filter, page.page(), page.size());
        List<LibraryResource> shown = resources.findAllInOrder(found.ids());
        Map<UUID, ResourceFile> attached = new HashMap<>();
        if (shown.stream().anyMatch(LibraryResource::hasFile)) {
            files.list("resourceId in ?1", found.ids()).forEach(f -> attached.put(f.resourceId(), f));
        }
        return ResultPage.of(shown.stream().map(r -> view.of(r, attached.get(r.id()))).toList(), page.page(),
                page.size(), found.total());
    }

    /** The resource, if it exists and (for the public) may be read today. */
    @Transactional
    public <T> Optional<T> find(UUID id, boolean publicOnly, View<T> view) {
        return readable(id, publicOnly).map(r -> view.of(r, attachedFile(r)));
    }

    /** The attached file of a resource that exists and (for the public) may be read today, if it has one. */
    @Transactional
    public <T> Optional<T> file(UUID id, boolean publicOnly, Function<ResourceFile, T> download) {
        return readable(id, publicOnly).map(this::attachedFile).map(download);
    }

    private Optional<LibraryResource> readable(UUID id, boolean publicOnly) {
        return resources.findByIdOptional(id).filter(r -> !publicOnly || r.isPublic(library.today()));
    }

    private ResourceFile attachedFile(LibraryResource resource) {
        return resource.hasFile() ? files.findByIdOptional(resource.id()).orElse(null) : null;
    }
}
