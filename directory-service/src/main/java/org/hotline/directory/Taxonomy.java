package org.hotline.directory;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A taxonomy the directory's terms come from (HSDS {@code taxonomy}); fixed by the migrations. */
@Entity
@Immutable
@Table(name = "taxonomy")
public class Taxonomy {

    /** The Need vocabulary. */
    public static final UUID NEEDS = UUID.fromString("7a0c0000-0000-4000-8000-000000000001");
    /** The Audience vocabulary. */
    public static final UUID AUDIENCES = UUID.fromString("7a0c0000-0000-4000-8000-000000000002");
    /** The hotline's own fields, carried as HSDS attributes. */
    public static final UUID DIRECTORY_ATTRIBUTES = UUID.fromString("7a0c0000-0000-4000-8000-000000000003");

    @Id
    private UUID id;

    @Column(nullable = false, columnDefinition = "text")
    private String name;

    @Column(nullable = false, columnDefinition = "text")
    private String description;

    @Column(columnDefinition = "text")
    private String uri;

    @Column(columnDefinition = "text")
    private String version;

    protected Taxonomy() {
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String uri() {
        return uri;
    }

    public String version() {
        return version;
    }
}
