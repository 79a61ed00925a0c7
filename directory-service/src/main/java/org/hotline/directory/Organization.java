package org.hotline.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hotline.contracts.vocabulary.Audience;

/**
 * A partner organisation of the directory with its services. {@code version} is 0 when created and goes up by one
 * with every change (Hibernate's {@code @Version}): it is the optimistic lock of concurrent edits and the version
 * consumers see in the event.
 */
@Entity
@Table(name = "organization")
public class Organization {

    @Id
    private UUID id;

    @Column(nullable = false, columnDefinition = "text")
    private String name;

    @Column(columnDefinition = "text")
    private String description;

    @Column(name = "law_enforcement", nullable = false)
    private boolean lawEnforcement;

    @Column(name = "emergency_dispatch", nullable = false)
    private boolean emergencyDispatch;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Audience> audiences;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> languages;

    @Column(name = "last_verified_on")
    private LocalDate lastVerifiedOn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<OfferedService> services;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Organization() {
    }

    /** A new organisation, not yet persisted; services must already be {@link OfferedService#normalized}. */
    public static Organization create(UUID id, Details details, List<OfferedService> services, Instant now) {
        Organization organization = new Organization();
        organization.id = id;
        organization.replace(details, services, now);
        return organization;
    }

    /** Replaces the whole state; the version goes up by one when the change is flushed. */
    public void replace(Details details, List<OfferedService> services, Instant now) {
        this.name = details.name();
        this.description = details.description();
        this.lawEnforcement = details.lawEnforcement();
        this.emergencyDispatch = details.emergencyDispatch();
        this.audiences = List.copyOf(details.audiences());
        this.languages = List.copyOf(details.languages());
        this.lastVerifiedOn = details.lastVerifiedOn();
        this.services = List.copyOf(services);
        this.updatedAt = now;
    }

    /** Everything about an organisation except its services, id and version. */
    public record Details(String name, String description, boolean lawEnforcement, boolean emergencyDispatch,
            List<Audience> audiences, List<String> languages, LocalDate lastVerifiedOn) {
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

    public boolean lawEnforcement() {
        return lawEnforcement;
    }

    public boolean emergencyDispatch() {
        return emergencyDispatch;
    }

    public List<Audience> audiences() {
        return audiences;
    }

    public List<String> languages() {
        return languages;
    }

    public LocalDate lastVerifiedOn() {
        return lastVerifiedOn;
    }

    public List<OfferedService> services() {
        return services;
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
