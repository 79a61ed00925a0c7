package org.hotline.directory.hsds;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.directory.Organization;
import org.hotline.directory.Schedule;
import org.hotline.directory.Service;
import org.hotline.directory.ServiceArea;
import org.hotline.directory.ServiceLocation;
import org.hotline.directory.Weekday;

/**
 * Writes organisations and services as HSDS 3.0 objects. What HSDS has a field for goes there (names, phones, weekly
 * schedules, locations and addresses, {@code assured_date}, {@code last_modified}, languages); the rest goes into
 * {@code attributes} with terms of the directory's taxonomies ({@link DirectoryAttribute}), so {@link HsdsImport} and
 * any plain HSDS consumer read back exactly what was written, and also into the hotline profile's own fields
 * ({@link HsdsProfile}: needs, IANA time zones, audiences, flags, 24 hours, closed dates, area kinds, confidential). Every id is the directory's own or derived from it, so an unchanged organisation exports identically.
 */
@ApplicationScoped
public class HsdsExport {

    /** How much of an organisation to nest. */
    public enum Depth {
        /** The organisation's own fields. */
        BASIC,
        /** Plus its attributes and its services' own fields. */
        FULL,
        /** Plus everything of every service: phones, schedules, areas, languages, attributes. */
        FULL_SERVICES
    }

    /** Who reads: staff see everything; the public read leaves out what is confidential. */
    public enum Reader {
        STAFF,
        /** Confidential services are left out of an organisation, confidential locations lose address and position. */
        PUBLIC
    }

    private static final String ICAL_DAYS = "MO,TU,WE,TH,FR,SA,SU";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final HsdsTerms terms;

    public HsdsExport(HsdsTerms terms) {
        this.terms = terms;
    }

    public Hsds.Organization organization(Organization o, Depth depth) {
        return organization(o, depth, Reader.STAFF);
    }

    /** The organisation for {@code reader}; the caller has checked that the reader may see it at all. */
    public Hsds.Organization organization(Organization o, Depth depth, Reader reader) {
        if (depth == Depth.BASIC) {
            return summary(o);
        }
        List<Hsds.Service> services = o.serviceEntities().stream()
                .filter(s -> reader == Reader.STAFF || !s.confidential())
                .map(s -> service(s, depth == Depth.FULL_SERVICES, false, reader)).toList();
        Hsds.Organization summary = summary(o);
        return new Hsds.Organization(o.id(), o.name(), description(o), organizationAttributes(o), services,
                summary.audiences(), summary.lawEnforcement(), summary.emergencyDispatch(), summary.confidential());
    }

    /** A service; {@code full} nests phones, schedules, areas, languages, locations and attributes. */
    public Hsds.Service service(Service s, boolean full, boolean withOrganization) {
        return service(s, full, withOrganization, Reader.STAFF);
    }

    /** A service for {@code reader}; the caller has checked that the reader may see it at all. */
    public Hsds.Service service(Service s, boolean full, boolean withOrganization, Reader reader) {
        Organization o = s.organization();
        String assured = o.lastVerifiedOn() == null ? null : o.lastVerifiedOn().toString();
        Hsds.Organization organization = withOrganization ? summary(o) : null;
        List<String> needs = s.needs().stream().map(Need::name).toList();
        List<String> closed = s.closedDates().stream().map(Object::toString).toList();
        if (!full) {
            return new Hsds.Service(s.id(), o.id(), s.name(), "active", assured, o.updatedAt().toString(),
                    organization, null, null, null, null, null, null, needs, s.timeZone(), s.open24h(), closed,
                    s.confidential());
        }
        List<Hsds.Phone> phones = s.phones().stream()
                .map(p -> new Hsds.Phone(p.id(), s.id(), p.number(), "voice")).toList();
        List<Hsds.Language> languages = new ArrayList<>();
        for (int i = 0; i < o.languages().size(); i++) {
            Locale locale = Locale.forLanguageTag(o.languages().get(i));
            languages.add(new Hsds.Language(Service.childId(s.id(), "language", i), s.id(),
                    locale.getDisplayName(Locale.ENGLISH), locale.getLanguage()));
        }
        List<Hsds.ServiceAtLocation> atLocations = s.locations().stream()
                .map(l -> new Hsds.ServiceAtLocation(l.serviceAtLocationId(), s.id(), l.id(), location(s, l, reader),
                        null)).toList();
        return new Hsds.Service(s.id(), o.id(), s.name(), "active", assured, o.updatedAt().toString(), organization,
                phones, schedules(s), areas(s), languages, serviceAttributes(s), atLocations, needs, s.timeZone(),
                s.open24h(), closed, s.confidential());
    }

    /** HSDS {@code service_at_location}: the location with the service, fully nested when {@code full}. */
    public Hsds.ServiceAtLocation serviceAtLocation(Service s, ServiceLocation l, boolean full, Reader reader) {
        return new Hsds.ServiceAtLocation(l.serviceAtLocationId(), s.id(), l.id(), location(s, l, reader),
                service(s, full, true, reader));
    }

    /** A confidential location in the public read: its name only, never where it is. */
    private static Hsds.Location location(Service s, ServiceLocation l, Reader reader) {
        UUID organization = s.organization().id();
        if (l.confidential() && reader == Reader.PUBLIC) {
            return new Hsds.Location(l.id(), "physical", organization, l.name(), null, null, null, true);
        }
        Hsds.Address address = new Hsds.Address(l.addressId(), l.id(), l.address(), l.city(), l.state(),
                l.postalCode(), l.country(), "physical");
        return new Hsds.Location(l.id(), "physical", organization, l.name(), l.latitude(), l.longitude(),
                List.of(address), l.confidential());
    }

    /** The organisation's own fields, with the profile's. */
    private Hsds.Organization summary(Organization o) {
        return new Hsds.Organization(o.id(), o.name(), description(o), null, null,
                o.audiences().stream().map(Audience::name).toList(), o.lawEnforcement(), o.emergencyDispatch(),
                o.confidential());
    }

    /** HSDS requires a description; the directory's is optional. */
    private static String description(Organization o) {
        return o.description() == null ? "" : o.description();
    }

    private List<Hsds.Attribute> organizationAttributes(Organization o) {
        List<Hsds.Attribute> attributes = new ArrayList<>();
        for (Audience audience : o.audiences()) {
            attributes.add(attribute(o.id(), "organization", "audience", terms.audience(audience), null));
        }
        if (o.lawEnforcement()) {
            attributes.add(attribute(o.id(), "organization", DirectoryAttribute.LAW_ENFORCEMENT_AGENCY, null));
        }
        if (o.emergencyDispatch()) {
            attributes.add(attribute(o.id(), "organization", DirectoryAttribute.EMERGENCY_DISPATCH, null));
        }
        if (o.lastVerifiedOn() != null) {
            attributes.add(attribute(o.id(), "organization", DirectoryAttribute.LAST_VERIFIED_ON,
                    o.lastVerifiedOn().toString()));
        }
        for (String language : o.languages()) {
            attributes.add(attribute(o.id(), "organization", DirectoryAttribute.LANGUAGE, language));
        }
        return attributes;
    }

    private List<Hsds.Attribute> serviceAttributes(Service s) {
        List<Hsds.Attribute> attributes = new ArrayList<>();
        for (Need need : s.needs()) {
            attributes.add(attribute(s.id(), "service", "need", terms.need(need), null));
        }
        attributes.add(attribute(s.id(), "service", DirectoryAttribute.TIME_ZONE, s.timeZone()));
        s.closedDates().forEach(d -> attributes.add(
                attribute(s.id(), "service", DirectoryAttribute.CLOSED_DATE, d.toString())));
        return attributes;
    }

    private List<Hsds.Schedule> schedules(Service s) {
        List<Hsds.Schedule> schedules = new ArrayList<>();
        for (Schedule span : s.schedules()) {
            String byday = span.days().stream().map(HsdsExport::ical).collect(Collectors.joining(","));
            String opens = span.opensAt().format(HH_MM);
            String closes = span.closesAt().format(HH_MM);
            String nextDay = span.closesAt().isAfter(span.opensAt()) ? "" : " (closes the next day)";
            schedules.add(new Hsds.Schedule(span.id(), s.id(), "WEEKLY", byday, opens, closes,
                    opens + "-" + closes + nextDay + ", " + span.timeZone() + " local time",
                    List.of(attribute(span.id(), "schedule", DirectoryAttribute.TIME_ZONE, span.timeZone())),
                    span.timeZone()));
        }
        if (s.open24h()) {
            UUID id = Service.childId(s.id(), "open-24-hours", 0);
            schedules.add(new Hsds.Schedule(id, s.id(), "WEEKLY", ICAL_DAYS, "00:00", "00:00",
                    "Open 24 hours, every day", List.of(
                            attribute(id, "schedule", DirectoryAttribute.OPEN_24_HOURS, null),
                            attribute(id, "schedule", DirectoryAttribute.TIME_ZONE, s.timeZone())), s.timeZone()));
        }
        return schedules;
    }

    private List<Hsds.ServiceArea> areas(Service s) {
        return s.areas().stream().map(a -> {
            DirectoryAttribute kind = switch (a.kind()) {
                case NATIONAL -> DirectoryAttribute.AREA_NATIONAL;
                case STATE -> DirectoryAttribute.AREA_STATE;
                case COUNTY -> DirectoryAttribute.AREA_COUNTY;
                case POSTAL_CODE -> DirectoryAttribute.AREA_POSTAL_CODE;
            };
            return new Hsds.ServiceArea(a.id(), s.id(), areaName(a), null,
                    List.of(attribute(a.id(), "service_area", kind, a.code())), a.kind().name(), a.code());
        }).toList();
    }

    private static String areaName(ServiceArea a) {
        return switch (a.kind()) {
            case NATIONAL -> "United States";
            case STATE -> a.code();
            case COUNTY -> a.code().substring(a.code().indexOf(':') + 1) + ", " + a.code().substring(0, 2);
            case POSTAL_CODE -> "ZIP " + a.code();
        };
    }

    private static String ical(Weekday day) {
        return day.name().substring(0, 2);
    }

    /** Parses {@code HH:MM} (as written above) for {@link HsdsImport}. */
    static LocalTime time(String value) {
        return LocalTime.parse(value, HH_MM);
    }

    private Hsds.Attribute attribute(UUID linkId, String entity, DirectoryAttribute attribute, String value) {
        return attribute(linkId, entity, "directory_attribute", terms.attribute(attribute), value);
    }

    private static Hsds.Attribute attribute(UUID linkId, String entity, String linkType, Hsds.TaxonomyTerm term,
            String value) {
        String name = linkId + "/attribute/" + term.id() + "/" + (value == null ? "" : value);
        return new Hsds.Attribute(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)), linkId, term.id(),
                linkType, entity, value, term);
    }
}
