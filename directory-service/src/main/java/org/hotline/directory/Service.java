package org.hotline.directory;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.Need;

/**
 * A service an organisation offers (HSDS {@code service}) with its phone, weekly schedules, closed dates, service area
 * and needs. The child rows are element collections: they have no life of their own, and their ids are derived from
 * the service id, the table and the position ({@link #childId}), so an unchanged service keeps the same HSDS ids.
 */
@Entity
@Table(name = "service")
public class Service {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id", nullable = false)
    private Organization organization;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, columnDefinition = "text")
    private String name;

    @Column(name = "time_zone", nullable = false, columnDefinition = "text")
    private String timeZone;

    @Column(name = "open_24h", nullable = false)
    private boolean open24h;

    /** 0 lists counties or postal codes, 1 states, 2 national only, 3 nothing: the static "local first" order. */
    @Column(name = "area_level", nullable = false)
    private short areaLevel;

    /** The organisation's {@code last_verified_on}, copied so a search ranks from the service rows alone. */
    @Column(name = "organization_verified_on")
    private LocalDate organizationVerifiedOn;

    /** Derived for search (see the column's comment in V2): needs, places and admitted audiences as terms. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "search_terms", nullable = false, columnDefinition = "text[]")
    private List<String> searchTerms = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "phone", joinColumns = @JoinColumn(name = "service_id"))
    @OrderColumn(name = "position")
    private List<Phone> phones = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "schedule", joinColumns = @JoinColumn(name = "service_id"))
    @OrderColumn(name = "position")
    private List<Schedule> schedules = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "service_closed_date", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "closed_on", nullable = false)
    private Set<LocalDate> closedDates = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "service_area", joinColumns = @JoinColumn(name = "service_id"))
    @OrderColumn(name = "position")
    private List<ServiceArea> areas = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "service_location", joinColumns = @JoinColumn(name = "service_id"))
    @OrderColumn(name = "position")
    private List<ServiceLocation> locations = new ArrayList<>();

    /** Marked for staff only: never in the public HSDS read. */
    @Column(nullable = false)
    private boolean confidential;

    @ElementCollection
    @CollectionTable(name = "service_need", joinColumns = @JoinColumn(name = "service_id"))
    @Column(name = "need", nullable = false, columnDefinition = "text")
    @Enumerated(EnumType.STRING)
    private Set<Need> needs = EnumSet.noneOf(Need.class);

    protected Service() {
    }

    Service(UUID id, Organization organization) {
        this.id = id;
        this.organization = organization;
    }

    /**
     * Takes the state of a normalized {@link OfferedService}; collections are changed in place, not replaced.
     * The organisation's audiences and last-verified date are copied for search.
     */
    void assign(int position, OfferedService offered, Organization.Details organization) {
        this.position = position;
        this.name = offered.name();
        OfferedService.Hours hours = offered.hours();
        this.timeZone = hours.timeZone();
        this.open24h = hours.open24h();
        phones.clear();
        if (offered.phone() != null) {
            phones.add(new Phone(childId(id, "phone", 0), offered.phone()));
        }
        schedules.clear();
        for (OfferedService.WeeklyHours span : hours.weekly()) {
            schedules.add(new Schedule(childId(id, "schedule", schedules.size()), hours.timeZone(),
                    span.days().stream().map(Weekday::name).toList(), LocalTime.parse(span.opens()),
                    LocalTime.parse(span.closes())));
        }
        closedDates.retainAll(hours.closedDates());
        closedDates.addAll(hours.closedDates());
        areas.clear();
        OfferedService.Area area = offered.area();
        if (area.national()) {
            areas.add(ServiceArea.national(childId(id, "service_area", areas.size())));
        }
        area.states().forEach(s -> areas.add(ServiceArea.state(childId(id, "service_area", areas.size()), s)));
        area.counties().forEach(c -> areas.add(ServiceArea.county(childId(id, "service_area", areas.size()), c)));
        area.postalCodes().forEach(p -> areas.add(ServiceArea.postalCode(childId(id, "service_area", areas.size()), p)));
        this.areaLevel = (short) (!area.counties().isEmpty() || !area.postalCodes().isEmpty() ? 0
                : !area.states().isEmpty() ? 1 : area.national() ? 2 : 3);
        this.confidential = offered.confidential();
        locations.clear();
        for (OfferedService.Location location : offered.locations()) {
            locations.add(new ServiceLocation(childId(id, "location", locations.size()), location));
        }
        needs.retainAll(offered.needs());
        needs.addAll(offered.needs());
        this.searchTerms = searchTerms(offered, organization.audiences());
        this.organizationVerifiedOn = organization.lastVerifiedOn();
    }

    /** The terms of {@code search_terms}, sorted (as the V2 migration sorts them, byte order). */
    static List<String> searchTerms(OfferedService offered, List<Audience> audiences) {
        Set<String> terms = new TreeSet<>();
        offered.needs().forEach(n -> terms.add("N:" + n.name()));
        OfferedService.Area area = offered.area();
        if (area.national()) {
            terms.add("US");
        }
        area.states().forEach(s -> terms.add("S:" + s));
        area.counties().forEach(c -> {
            terms.add("C:" + c);
            terms.add("IN:" + c.substring(0, c.indexOf(':')));
        });
        area.postalCodes().forEach(p -> terms.add("Z:" + p));
        if (audiences.isEmpty()) {
            terms.add("A:ALL");
        }
        audiences.forEach(a -> terms.add("A:" + a.name()));
        return List.copyOf(terms);
    }

    /** This service as the API shows it: lists sorted as {@link OfferedService#normalized} leaves them. */
    OfferedService toOffered() {
        List<OfferedService.WeeklyHours> weekly = schedules.stream()
                .map(s -> new OfferedService.WeeklyHours(s.days(),
                        s.opensAt().toString(), s.closesAt().toString()))
                .toList();
        OfferedService.Hours hours = new OfferedService.Hours(timeZone, open24h, weekly,
                closedDates.stream().sorted().toList());
        OfferedService.Area area = new OfferedService.Area(
                areas.stream().anyMatch(a -> a.kind() == ServiceArea.Kind.NATIONAL),
                codes(ServiceArea.Kind.STATE), codes(ServiceArea.Kind.COUNTY), codes(ServiceArea.Kind.POSTAL_CODE));
        return new OfferedService(id, name, needs.stream().sorted().toList(),
                phones.isEmpty() ? null : phones.get(0).number(), hours, area, confidential,
                locations.stream().map(ServiceLocation::toOffered).toList());
    }

    private List<String> codes(ServiceArea.Kind kind) {
        return areas.stream().filter(a -> a.kind() == kind).map(ServiceArea::code)
                .sorted(Comparator.naturalOrder()).toList();
    }

    /**
     * The id of the row at {@code position} of a service's child table: a name-based UUID of
     * {@code "<service id>/<table>/<position>"}, as the V2 migration computes it for rows it moved.
     */
    public static UUID childId(UUID serviceId, String table, int position) {
        return UUID.nameUUIDFromBytes((serviceId + "/" + table + "/" + position).getBytes(StandardCharsets.UTF_8));
    }

    public UUID id() {
        return id;
    }

    public Organization organization() {
        return organization;
    }

    public int position() {
        return position;
    }

    public String name() {
        return name;
    }

    public String timeZone() {
        return timeZone;
    }

    public boolean open24h() {
        return open24h;
    }

    short areaLevel() {
        return areaLevel;
    }

    public List<Phone> phones() {
        return List.copyOf(phones);
    }

    public List<Schedule> schedules() {
        return List.copyOf(schedules);
    }

    public List<ServiceLocation> locations() {
        return List.copyOf(locations);
    }

    public boolean confidential() {
        return confidential;
    }

    public List<ServiceArea> areas() {
        return List.copyOf(areas);
    }

    /** In vocabulary order. */
    public List<Need> needs() {
        return needs.stream().sorted().toList();
    }

    /** In date order. */
    public List<LocalDate> closedDates() {
        return closedDates.stream().sorted().toList();
    }
}
