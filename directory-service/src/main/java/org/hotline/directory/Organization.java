package org.hotline.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hotline.contracts.vocabulary.Audience;

/**
 * A partner organisation of the directory (HSDS {@code organization}) with its services. {@code version} is 0 when
 * created and goes up by one with every change (Hibernate's {@code @Version}): it is the optimistic lock of concurrent
 * edits and the version consumers see in the event.
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

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> audiences;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> languages;

    @Column(name = "last_verified_on")
    private LocalDate lastVerifiedOn;

    /** Marked for staff only: never in the public HSDS read (see {@link #confidentialByRule()}). */
    @Column(nullable = false)
    private boolean confidential;

    /** The services' names, for full-text search (the generated {@code search_vector} column reads it). */
    @Column(name = "service_names", nullable = false, columnDefinition = "text")
    private String serviceNames;

    /** The lowest {@code area_level} of its services (3 without any): the ranking when no place is searched. */
    @Column(name = "area_level", nullable = false)
    private short areaLevel;

    @OneToMany(mappedBy = "organization", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Service> services = new ArrayList<>();

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

    /**
     * Replaces the whole state; the version goes up by one when the change is flushed. A service whose id is already
     * here is updated in place, one with a new id is added, and services left out are deleted.
     */
    public void replace(Details details, List<OfferedService> offered, Instant now) {
        this.name = details.name();
        this.description = details.description();
        this.lawEnforcement = details.lawEnforcement();
        this.emergencyDispatch = details.emergencyDispatch();
        this.audiences = details.audiences().stream().map(Audience::name).toList();
        this.languages = List.copyOf(details.languages());
        this.lastVerifiedOn = details.lastVerifiedOn();
        this.confidential = details.confidential();
        Map<UUID, Service> current = new HashMap<>();
        services.forEach(s -> current.put(s.id(), s));
        List<Service> next = new ArrayList<>(offered.size());
        for (int i = 0; i < offered.size(); i++) {
            OfferedService wanted = offered.get(i);
            Service service = current.remove(wanted.id());
            if (service == null) {
                service = new Service(wanted.id(), this);
            }
            service.assign(i, wanted, details);
            next.add(service);
        }
        // Changed in place, so Hibernate deletes the services left out (orphan removal) and keeps the others.
        services.clear();
        services.addAll(next);
        this.areaLevel = (short) next.stream().mapToInt(Service::areaLevel).min().orElse(3);
        this.serviceNames = offered.stream().map(OfferedService::name).collect(Collectors.joining(" "));
        this.updatedAt = now;
    }

    /** Everything about an organisation except its services, id and version. */
    public record Details(String name, String description, boolean lawEnforcement, boolean emergencyDispatch,
            List<Audience> audiences, List<String> languages, LocalDate lastVerifiedOn, boolean confidential) {
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

    /** In vocabulary order, without duplicates. */
    public List<Audience> audiences() {
        return audiences.stream().map(Audience::valueOf).sorted().toList();
    }

    public List<String> languages() {
        return List.copyOf(languages);
    }

    public LocalDate lastVerifiedOn() {
        return lastVerifiedOn;
    }

    /** As marked by an administrator. */
    public boolean confidential() {
        return confidential;
    }

    /** What the public read obeys: marked confidential, or admitting law-enforcement referrals only. */
    public boolean confidentialByRule() {
        return confidential || audiences.contains(Audience.LAW_ENFORCEMENT_ONLY.name());
    }

    /** The services as the API shows them, in the order they were sent. */
    public List<OfferedService> services() {
        return services.stream().map(Service::toOffered).toList();
    }

    /** The service entities, in their order, for the HSDS export. */
    public List<Service> serviceEntities() {
        return List.copyOf(services);
    }

    public long version() {
        return version;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
