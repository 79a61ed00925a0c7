package org.hotline.routing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hotline.contracts.events.OrganizationUpserted;

/** Routing's copy of one directory organisation, as last published on the compacted topic. */
@Entity
@Table(name = "directory_organization")
public class DirectoryOrganization {

    @Id
    private UUID id;

    @Column(nullable = false, columnDefinition = "text")
    private String name;

    @Column(nullable = false)
    private long version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private OrganizationUpserted document;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DirectoryOrganization() {
    }

    public DirectoryOrganization(OrganizationUpserted organization) {
        this.id = organization.id();
        replaceWith(organization);
    }

    /** Takes the published state; an older version than the one held is ignored (replays, reordering). */
    public boolean replaceWith(OrganizationUpserted organization) {
        if (document != null && organization.version() < version) {
            return false;
        }
        this.name = organization.name();
        this.version = organization.version();
        this.document = organization;
        this.updatedAt = organization.updatedAt();
        return true;
    }

    public UUID id() {
        return id;
    }

    public long version() {
        return version;
    }

    public OrganizationUpserted document() {
        return document;
    }
}
