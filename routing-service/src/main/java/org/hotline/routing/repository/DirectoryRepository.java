package org.hotline.routing.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.hotline.routing.DirectoryOrganization;

@ApplicationScoped
public class DirectoryRepository implements PanacheRepositoryBase<DirectoryOrganization, UUID> {
}
