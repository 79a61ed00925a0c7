package org.hotline.directory;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A term of a {@link Taxonomy} (HSDS {@code taxonomy_term}), identified within it by {@code code}. */
@Entity
@Immutable
@Table(name = "taxonomy_term")
public class TaxonomyTerm {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "taxonomy_id", nullable = false)
    private Taxonomy taxonomy;

    @Column(nullable = false, columnDefinition = "text")
    private String code;

    @Column(nullable = false, columnDefinition = "text")
    private String name;

    @Column(nullable = false, columnDefinition = "text")
    private String description;

    protected TaxonomyTerm() {
    }

    public UUID id() {
        return id;
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }
}
