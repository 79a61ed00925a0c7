package org.hotline.directory.hsds;

import java.time.Instant;
import java.time.LocalDate;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.directory.OfferedService;
import org.hotline.directory.Weekday;
import org.hotline.directory.config.HsdsImportConfig;
import org.hotline.directory.rest.OrganizationRequest;
import org.hotline.platform.problem.Problem;

/**
 * Maps one organisation of an HSDS 3.x dataset, from any publisher, to the directory's model, saying what it could
 * not map. The directory's own attributes (its export's needs, audiences, time zones, areas...) are read first; for
 * what they do not give, a third-party dataset's own fields: needs from taxonomy terms through {@link TaxonomyNeeds},
 * weekly RRULE-style schedules currently valid, the IANA zone from the location's state and ZIP code
 * ({@link UsTimeZones}), the YOUTH audience from every service's {@code maximum_age}, service areas from their
 * names, the locations a service is delivered at from its service-at-locations' US street addresses (with their
 * coordinates when given), and the profile's {@code confidential} on organisations, services and locations. The request built is then held to the API's validation, so an import admits nothing a POST would refuse.
 */
@ApplicationScoped
public class HsdsRecordMapper {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{1,29}");
    private static final Pattern ZIP = Pattern.compile("[0-9]{5}(-[0-9]{4})?");
    private static final Pattern COUNTY = Pattern.compile("(?i)(.+?)\\s+(county|parish|borough)(\\s*,\\s*(.+))?");

    private final HsdsTerms terms;
    private final TaxonomyNeeds taxonomyNeeds;
    private final Validator validator;
    private final UsTimeZones zones = UsTimeZones.table();
    private final int youthMaxAge;

    public HsdsRecordMapper(HsdsTerms terms, TaxonomyNeeds taxonomyNeeds, Validator validator,
            HsdsImportConfig config) {
        this.terms = terms;
        this.taxonomyNeeds = taxonomyNeeds;
        this.validator = validator;
        this.youthMaxAge = config.youthMaxAge();
    }

    /** What is said about one record while it is mapped. */
    private static final class Findings {
        final List<Problem.Violation> notes = new ArrayList<>();
        final List<Problem.Violation> problems = new ArrayList<>();

        void note(String field, String message) {
            notes.add(new Problem.Violation(field, message));
        }

        void problem(String field, String message) {
            problems.add(new Problem.Violation(field, message));
        }
    }

    public MappedOrganization map(HsdsDataset.Entry entry, HsdsDataset dataset, LocalDate today) {
        Findings f = new Findings();
        HsdsInput.Organization o = entry.organization();
        String field = entry.field() + ".";
        UUID id = id(dataset.source(), "organization", o.id(), field + "id", f);
        boolean lawEnforcement = false;
        boolean emergencyDispatch = false;
        Set<Audience> audiences = EnumSet.noneOf(Audience.class);
        Set<String> languages = new LinkedHashSet<>();
        LocalDate lastVerifiedOn = null;
        List<HsdsInput.Attribute> attributes = HsdsInput.list(o.attributes());
        for (int k = 0; k < attributes.size(); k++) {
            HsdsInput.Attribute a = attributes.get(k);
            String at = field + "attributes[" + k + "]";
            Hsds.TaxonomyTerm term = directoryTerm(a).orElse(null);
            if (term == null) {
                continue; // another taxonomy's term on the organisation: nothing the directory keeps
            }
            Audience audience = terms.audienceOf(term);
            DirectoryAttribute attribute = terms.attributeOf(term);
            if (audience != null) {
                audiences.add(audience);
            } else if (attribute == DirectoryAttribute.LAW_ENFORCEMENT_AGENCY) {
                lawEnforcement = true;
            } else if (attribute == DirectoryAttribute.EMERGENCY_DISPATCH) {
                emergencyDispatch = true;
            } else if (attribute == DirectoryAttribute.LAST_VERIFIED_ON) {
                lastVerifiedOn = date(a.value(), at + ".value", f);
            } else if (attribute == DirectoryAttribute.LANGUAGE && a.value() != null) {
                languages.add(a.value());
            } else {
                f.problem(at, "is not an attribute of an organization");
            }
        }
        boolean ownAttributes = !audiences.isEmpty() || lastVerifiedOn != null || lawEnforcement || emergencyDispatch;
        List<OfferedService> services = new ArrayList<>();
        List<String> serviceFields = new ArrayList<>();
        List<String> serviceSourceIds = new ArrayList<>();
        Instant updatedAt = null;
        boolean everyServiceForYouth = true;
        LocalDate assured = null;
        for (HsdsDataset.ServiceEntry serviceEntry : entry.services()) {
            HsdsInput.Service s = serviceEntry.service();
            String at = serviceEntry.field() + ".";
            String status = s.status() == null ? "active" : s.status().strip().toLowerCase(Locale.ROOT);
            if (status.equals("inactive") || status.equals("defunct")) {
                f.note(serviceEntry.field(), "has status " + status + ": not imported");
                continue;
            }
            services.add(service(s, o, at, dataset, today, f));
            serviceFields.add(serviceEntry.field());
            serviceSourceIds.add(s.id());
            everyServiceForYouth &= s.maximumAge() != null && s.maximumAge() <= youthMaxAge;

            for (HsdsInput.Language language : HsdsInput.list(s.languages())) {
                if (language.code() != null && LANGUAGE.matcher(language.code().strip()).matches()) {
                    languages.add(language.code().strip());
                } else {
                    f.note(at + "languages", "has a language without a BCP 47 code: not kept");
                }
            }
            if (s.lastModified() != null) {
                try {
                    Instant modified = OffsetDateTime.parse(s.lastModified()).toInstant();
                    updatedAt = updatedAt == null || modified.isAfter(updatedAt) ? modified : updatedAt;
                } catch (DateTimeParseException e) {
                    f.problem(at + "last_modified", "must be an ISO-8601 date-time");
                }
            }
            if (s.assuredDate() != null) {
                LocalDate date = date(s.assuredDate().length() > 10 ? s.assuredDate().substring(0, 10)
                        : s.assuredDate(), at + "assured_date", f);
                assured = date != null && (assured == null || date.isAfter(assured)) ? date : assured;
            }
        }
        if (!ownAttributes && !services.isEmpty() && everyServiceForYouth) {
            audiences.add(Audience.YOUTH);
            f.note(field + "services", "admits young people only (YOUTH): every service's maximum_age is at most "
                    + youthMaxAge);
        }
        if (lastVerifiedOn == null) {
            lastVerifiedOn = assured;
        }
        OrganizationRequest request = new OrganizationRequest(o.name(), o.description(), lawEnforcement,
                emergencyDispatch, List.copyOf(audiences), List.copyOf(languages), lastVerifiedOn, services,
                Boolean.TRUE.equals(o.confidential()));
        for (ConstraintViolation<OrganizationRequest> v : validator.validate(request)) {
            f.problem(field(entry.field(), serviceFields, v), v.getMessage());
        }
        return new MappedOrganization(entry, id, request, serviceSourceIds, updatedAt, f.notes, f.problems);
    }

    private OfferedService service(HsdsInput.Service s, HsdsInput.Organization o, String field, HsdsDataset dataset,
            LocalDate today, Findings f) {
        UUID id = id(dataset.source(), "service", s.id(), field + "id", f);
        Set<Need> needs = EnumSet.noneOf(Need.class);
        String timeZone = null;
        List<LocalDate> closedDates = new ArrayList<>();
        boolean ownAttributes = false;
        List<HsdsInput.Attribute> attributes = HsdsInput.list(s.attributes());
        for (int k = 0; k < attributes.size(); k++) {
            HsdsInput.Attribute a = attributes.get(k);
            String at = field + "attributes[" + k + "]";
            Optional<Hsds.TaxonomyTerm> own = directoryTerm(a);
            if (own.isPresent()) {
                ownAttributes = true;
                Need need = terms.needOf(own.get());
                DirectoryAttribute attribute = terms.attributeOf(own.get());
                if (need != null) {
                    needs.add(need);
                } else if (attribute == DirectoryAttribute.TIME_ZONE) {
                    timeZone = a.value();
                } else if (attribute == DirectoryAttribute.CLOSED_DATE) {
                    LocalDate date = date(a.value(), at + ".value", f);
                    if (date != null) {
                        closedDates.add(date);
                    }
                } else {
                    f.problem(at, "is not an attribute of a service");
                }
                continue;
            }
            HsdsInput.TaxonomyTerm term = a.taxonomyTerm() != null ? a.taxonomyTerm()
                    : a.taxonomyTermId() == null ? null : dataset.terms().get(a.taxonomyTermId());
            if (term == null) {
                f.note(at, "names no taxonomy term of the dataset: not mapped");
                continue;
            }
            Optional<Set<Need>> mapped = taxonomyNeeds.needsOf(term, dataset.terms()::get);
            if (mapped.isPresent()) {
                needs.addAll(mapped.get());
            } else {
                f.note(at, "taxonomy term '" + describe(term) + "' has no need mapping");
            }
        }
        List<Located> places = places(s, o);
        List<HsdsInput.Schedule> schedules = HsdsInput.list(s.schedules());
        String schedulesField = field + "schedules";
        if (schedules.isEmpty()) {
            for (int k = 0; k < HsdsInput.list(s.serviceAtLocations()).size() && schedules.isEmpty(); k++) {
                HsdsInput.ServiceAtLocation sal = s.serviceAtLocations().get(k);
                schedules = HsdsInput.list(sal.schedules()).isEmpty() && sal.location() != null
                        ? HsdsInput.list(sal.location().schedules()) : HsdsInput.list(sal.schedules());
                schedulesField = field + "service_at_locations[" + k + "].schedules";
            }
        }
        boolean open24h = false;
        List<OfferedService.WeeklyHours> weekly = new ArrayList<>();
        boolean numericOffset = false;
        for (int k = 0; k < schedules.size(); k++) {
            HsdsInput.Schedule schedule = schedules.get(k);
            String at = schedulesField + "[" + k + "].";
            String scheduleZone = null;
            boolean allDay = false;
            for (HsdsInput.Attribute a : HsdsInput.list(schedule.attributes())) {
                DirectoryAttribute attribute = directoryTerm(a).map(terms::attributeOf).orElse(null);
                if (attribute == DirectoryAttribute.OPEN_24_HOURS) {
                    allDay = true;
                } else if (attribute == DirectoryAttribute.TIME_ZONE) {
                    scheduleZone = a.value();
                }
            }
            numericOffset |= schedule.timezone() != null;
            if (timeZone == null) {
                timeZone = scheduleZone;
            } else if (scheduleZone != null && !scheduleZone.equals(timeZone)) {
                f.problem(at + "attributes", "has another time zone than its service; a service's hours follow one "
                        + "zone");
            }
            if (allDay) {
                open24h = true;
            } else if (current(schedule, at, today, f)) {
                weekly(schedule, at, f).ifPresent(weekly::add);
            }
        }
        if (schedules.isEmpty() && !ownAttributes) {
            f.note(field + "schedules", "none given: the service is never counted as open");
        }
        if (timeZone == null) {
            timeZone = zoneFromPlaces(places, field, numericOffset, f);
        }
        String phone = phone(s, places, field, f);
        return new OfferedService(id, s.name(), List.copyOf(needs), phone,
                new OfferedService.Hours(timeZone, open24h, weekly, closedDates), area(s, places, field, f),
                Boolean.TRUE.equals(s.confidential()), locations(places, field, f));
    }

    /**
     * The places the service is delivered at, as the directory keeps them: a US street address with city, state and
     * ZIP code (HSDS's {@code address_1}, {@code city}, {@code state_province}, {@code postal_code}), its coordinates
     * when both are given, and whether it is confidential. A location without such an address is reported, not kept
     * (it still gives the service its time zone, when it has a state).
     */
    private List<OfferedService.Location> locations(List<Located> places, String field, Findings f) {
        List<OfferedService.Location> kept = new ArrayList<>();
        for (int k = 0; k < places.size(); k++) {
            Located place = places.get(k);
            HsdsInput.Address a = place.address();
            String state = a == null ? null : zones.stateCode(a.stateProvince()).orElse(null);
            String zip = a == null || a.postalCode() == null || !ZIP.matcher(a.postalCode().strip()).matches() ? null
                    : a.postalCode().strip().substring(0, 5);
            if (a == null || blank(a.address1()) || blank(a.city()) || state == null || zip == null) {
                f.note(field + "service_at_locations[" + k + "]", "has no US street address with city, state and "
                        + "ZIP code: the location is not kept");
                continue;
            }
            HsdsInput.Location l = place.location();
            boolean coordinates = l.latitude() != null && l.longitude() != null;
            if (!coordinates && (l.latitude() != null || l.longitude() != null)) {
                f.note(field + "service_at_locations[" + k + "].location", "has only one of latitude and longitude: "
                        + "neither is kept");
            }
            kept.add(new OfferedService.Location(blank(l.name()) ? null : l.name().strip(), a.address1().strip(),
                    a.city().strip(), state, zip, coordinates ? l.latitude() : null,
                    coordinates ? l.longitude() : null, Boolean.TRUE.equals(l.confidential())));
        }
        return kept;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A location of the service (through its service-at-locations) and its first US address with a state. */
    private record Located(HsdsInput.Location location, HsdsInput.Address address) {
    }

    private List<Located> places(HsdsInput.Service s, HsdsInput.Organization o) {
        List<Located> places = new ArrayList<>();
        for (HsdsInput.ServiceAtLocation sal : HsdsInput.list(s.serviceAtLocations())) {
            HsdsInput.Location location = sal.location();
            if (location == null && sal.locationId() != null) {
                location = HsdsInput.list(o.locations()).stream().filter(l -> sal.locationId().equals(l.id()))
                        .findFirst().orElse(null);
            }
            if (location != null) {
                HsdsInput.Address address = HsdsInput.list(location.addresses()).stream()
                        .filter(a -> a.stateProvince() != null && inUs(a))
                        .sorted((a, b) -> Boolean.compare(!"physical".equalsIgnoreCase(a.addressType()),
                                !"physical".equalsIgnoreCase(b.addressType())))
                        .findFirst().orElse(null);
                places.add(new Located(location, address));
            }
        }
        return places;
    }

    private static boolean inUs(HsdsInput.Address a) {
        String country = a.country() == null ? "US" : a.country().strip().toUpperCase(Locale.ROOT);
        return country.equals("US") || country.equals("USA") || country.equals("UNITED STATES");
    }

    private String zoneFromPlaces(List<Located> places, String field, boolean numericOffset, Findings f) {
        Set<String> found = new LinkedHashSet<>();
        for (Located place : places) {
            if (place.address() != null) {
                zones.zoneOf(place.address().stateProvince(), place.address().postalCode()).ifPresent(found::add);
            }
        }
        if (found.isEmpty()) {
            f.problem(field + "service_at_locations", "no time zone: state unknown (no IANA time-zone attribute, and "
                    + "no location with a US state" + (numericOffset ? "; a numeric UTC offset is never used" : "")
                    + ")");
            return null;
        }
        String zone = found.iterator().next();
        f.note(field + "service_at_locations", "time zone " + zone + " from the location's state and ZIP code"
                + (found.size() > 1 ? "; its other locations are in other zones, the first is kept" : ""));
        return zone;
    }

    private static boolean current(HsdsInput.Schedule schedule, String field, LocalDate today, Findings f) {
        LocalDate from = lenientDate(schedule.validFrom());
        LocalDate to = lenientDate(schedule.validTo());
        if (to != null && to.isBefore(today)) {
            f.note(field + "valid_to", "has passed: the schedule is not kept");
            return false;
        }
        if (from != null && from.isAfter(today)) {
            f.note(field + "valid_from", "is to come: the schedule is not kept (import again once it applies)");
            return false;
        }
        return true;
    }

    private static Optional<OfferedService.WeeklyHours> weekly(HsdsInput.Schedule schedule, String field,
            Findings f) {
        String freq = schedule.freq() == null ? "WEEKLY" : schedule.freq().strip().toUpperCase(Locale.ROOT);
        if (!freq.equals("WEEKLY")) {
            if (schedule.byday() == null && schedule.opensAt() == null) {
                f.note(field + "freq", "is " + freq + " without days or times: not kept");
            } else {
                f.note(field + "freq", "is " + freq + ": only weekly hours are kept");
            }
            return Optional.empty();
        }
        if (schedule.interval() != null && schedule.interval() != 1) {
            f.note(field + "interval", "repeats less often than every week: not kept");
            return Optional.empty();
        }
        List<Weekday> days = new ArrayList<>();
        String byday = schedule.byday() == null ? "" : schedule.byday().toUpperCase(Locale.ROOT);
        for (String code : byday.split(",")) {
            Weekday day = Weekday.ofIcal(code.strip());
            if (day == null) {
                f.problem(field + "byday", "must list iCal days, e.g. MO,TU,WE,TH,FR");
                days = null;
                break;
            }
            days.add(day);
        }
        // The times are read even when the days are not, so that one report names every problem of the schedule.
        String opens = time(schedule.opensAt(), field + "opens_at", false, f);
        String closes = time(schedule.closesAt(), field + "closes_at", true, f);
        return days == null || opens == null || closes == null ? Optional.empty()
                : Optional.of(new OfferedService.WeeklyHours(days, opens, closes));
    }

    /**
     * A wall-clock time HH:MM (HH:MM:SS accepted). An offset is refused: the zone is the service's. A closing time at
     * the end of the day (23:59, 23:59:59, 24:00) is midnight, which the directory reads as the next day's 00:00.
     */
    private static String time(String value, String field, boolean closing, Findings f) {
        String v = value == null ? "" : value.strip();
        if (closing && (v.startsWith("23:59") || v.startsWith("24:00"))) {
            return "00:00";
        }
        try {
            return HsdsExport.time(v.length() == 8 && v.charAt(5) == ':' ? v.substring(0, 5) : v).toString();
        } catch (RuntimeException e) {
            f.problem(field, "must be a wall-clock time HH:MM in the schedule's time zone, without an offset");
            return null;
        }
    }

    private String phone(HsdsInput.Service s, List<Located> places, String field, Findings f) {
        List<HsdsInput.Phone> candidates = new ArrayList<>(HsdsInput.list(s.phones()));
        HsdsInput.list(s.serviceAtLocations()).forEach(sal -> candidates.addAll(HsdsInput.list(sal.phones())));
        places.forEach(p -> candidates.addAll(HsdsInput.list(p.location().phones())));
        for (HsdsInput.Phone phone : candidates) {
            if (phone.number() == null) {
                continue;
            }
            String number = phone.number().strip();
            // (831) 555-0100 is written 831-555-0100: the directory's numbers start with a digit or +.
            String dialable = number.matches("\\(\\d{3}\\)\\s*\\d{3}[-. ]?\\d{4}")
                    ? number.substring(1, 4) + "-" + number.substring(5).strip().replaceAll("[. ]", "-")
                    : number;
            if (PHONE.matcher(dialable).matches()) {
                return dialable;
            }
            f.note(field + "phones", "has a number that is not dialable digits (letters or an extension): not kept");
        }
        return null;
    }

    private OfferedService.Area area(HsdsInput.Service s, List<Located> places, String field, Findings f) {
        boolean national = false;
        List<String> states = new ArrayList<>();
        List<String> counties = new ArrayList<>();
        List<String> postalCodes = new ArrayList<>();
        List<HsdsInput.ServiceArea> areas = HsdsInput.list(s.serviceAreas());
        String locationState = places.stream().filter(p -> p.address() != null)
                .map(p -> zones.stateCode(p.address().stateProvince()).orElse(null)).filter(c -> c != null)
                .findFirst().orElse(null);
        for (int k = 0; k < areas.size(); k++) {
            HsdsInput.ServiceArea area = areas.get(k);
            String at = field + "service_areas[" + k + "]";
            DirectoryAttribute kind = null;
            String value = null;
            for (HsdsInput.Attribute a : HsdsInput.list(area.attributes())) {
                DirectoryAttribute attribute = directoryTerm(a).map(terms::attributeOf).orElse(null);
                if (attribute != null && attribute.code().startsWith("area-")) {
                    kind = attribute;
                    value = a.value();
                }
            }
            if (kind != null && (kind == DirectoryAttribute.AREA_NATIONAL || value != null)) {
                switch (kind) {
                    case AREA_NATIONAL -> national = true;
                    case AREA_STATE -> states.add(value);
                    case AREA_COUNTY -> counties.add(value);
                    default -> postalCodes.add(value);
                }
                continue;
            }
            String name = area.name() != null ? area.name().strip()
                    : "text".equalsIgnoreCase(area.extentType()) && area.extent() != null ? area.extent().strip() : "";
            Optional<String> state = zones.stateCode(name);
            java.util.regex.Matcher county = COUNTY.matcher(name);
            if (name.matches("(?i)united states|usa|us|nationwide|national")) {
                national = true;
            } else if (state.isPresent()) {
                states.add(state.get());
            } else if (ZIP.matcher(name).matches()) {
                postalCodes.add(name.substring(0, 5));
            } else if (county.matches() && (county.group(4) != null ? zones.stateCode(county.group(4)).isPresent()
                    : locationState != null)) {
                String countyState = county.group(4) != null ? zones.stateCode(county.group(4)).get() : locationState;
                counties.add(countyState + ":" + county.group(1).strip());
            } else {
                f.note(at, "is not a nation, state, 'X County, ST' or ZIP code the directory can read: not mapped");
            }
        }
        if (!national && states.isEmpty() && counties.isEmpty() && postalCodes.isEmpty()) {
            String zip = places.stream().filter(p -> p.address() != null && p.address().postalCode() != null
                    && ZIP.matcher(p.address().postalCode().strip()).matches())
                    .map(p -> p.address().postalCode().strip().substring(0, 5)).findFirst().orElse(null);
            if (zip != null) {
                postalCodes.add(zip);
                f.note(field + "service_areas", "none the directory can read: the location's ZIP code is taken");
            } else {
                f.problem(field + "service_areas", "no service area: none readable and no location ZIP code");
            }
        }
        return new OfferedService.Area(national, states, counties, postalCodes);
    }

    /** The directory's own term an attribute links to (its export's attributes), if it is one. */
    private Optional<Hsds.TaxonomyTerm> directoryTerm(HsdsInput.Attribute a) {
        HsdsInput.TaxonomyTerm nested = a.taxonomyTerm();
        UUID id = uuid(a.taxonomyTermId());
        UUID taxonomyId = nested == null ? null : uuid(nested.taxonomyId());
        if (id == null && taxonomyId == null) {
            return Optional.empty();
        }
        return terms.find(id, taxonomyId, nested == null ? null : nested.code());
    }

    private static UUID uuid(String value) {
        return ImportIds.isUuid(value) ? UUID.fromString(value.strip()) : null;
    }

    private static UUID id(String source, String table, String sourceId, String field, Findings f) {
        if (sourceId == null || sourceId.isBlank()) {
            f.problem(field, "is required");
            return null;
        }
        try {
            return ImportIds.of(source, table, sourceId);
        } catch (IllegalArgumentException e) {
            f.problem(field, "must be a UUID, or the import must name its source (the source parameter)");
            return null;
        }
    }

    private static String describe(HsdsInput.TaxonomyTerm term) {
        String code = term.code() != null ? term.code() : term.name() != null ? term.name() : String.valueOf(term.id());
        return code.length() > 80 ? code.substring(0, 80) : code;
    }

    private static LocalDate date(String value, String field, Findings f) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            f.problem(field, "must be a date, YYYY-MM-DD");
            return null;
        }
    }

    private static LocalDate lenientDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip().length() > 10 ? value.strip().substring(0, 10) : value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A violation of the request, named after the dataset's record: {@code services[3].hours.timeZone}. */
    private static String field(String organizationField, List<String> serviceFields, ConstraintViolation<?> v) {
        StringBuilder path = new StringBuilder();
        String prefix = organizationField;
        boolean inServices = false;
        for (Path.Node node : v.getPropertyPath()) {
            if (inServices && node.getIndex() != null && path.isEmpty() && node.getIndex() < serviceFields.size()) {
                prefix = serviceFields.get(node.getIndex());
                inServices = false;
            } else if (node.getIndex() != null && !path.isEmpty()) {
                path.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (node.getName().equals("services") && path.isEmpty()) {
                    inServices = true;
                    continue;
                }
                path.append('.').append(node.getName());
            }
        }
        return prefix + (inServices ? ".services" : "") + path;
    }

}
