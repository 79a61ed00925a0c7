package org.hotline.directory.hsds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.directory.OfferedService;
import org.hotline.directory.Weekday;
import org.hotline.directory.rest.OrganizationRequest;
import org.hotline.directory.service.OrganizationDirectory;
import org.hotline.platform.problem.Problem;
import org.hotline.platform.problem.ProblemException;

/**
 * Imports an HSDS 3.0 dataset: organisations with their fully nested services, as {@code GET
 * /hsds/organizations?full_service=true} writes them (a Page with {@code contents}, or a bare array). Each organisation
 * is created, or replaced when its id exists, through the same validation as the API, and published. All or nothing:
 * one invalid organisation refuses the whole import, naming every problem found as
 * {@code organizations[i].<field>} (HSDS names where the HSDS shape is wrong, the API's where a value breaks the
 * directory's rules).
 *
 * <p>The hotline's own fields are read from the attributes {@link HsdsExport} writes; HSDS fields the directory does
 * not keep (emails, locations, contacts, ...) are ignored, and of several phones of a service the first is kept.
 */
@ApplicationScoped
public class HsdsImport {

    /** Refusals name at most this many problems. */
    private static final int MAX_VIOLATIONS = 100;

    private final HsdsTerms terms;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final OrganizationDirectory directory;

    public HsdsImport(HsdsTerms terms, ObjectMapper mapper, Validator validator, OrganizationDirectory directory) {
        this.terms = terms;
        this.mapper = mapper;
        this.validator = validator;
        this.directory = directory;
    }

    /** What an import did. */
    public record Result(int organizations, int created, int replaced) {
    }

    @Transactional
    public Result importAll(JsonNode body) {
        JsonNode list = body != null && body.isObject() ? body.get("contents") : body;
        if (list == null || !list.isArray()) {
            throw ProblemException.invalid("contents",
                    "must be an array of HSDS organizations (or send the array itself)");
        }
        List<Problem.Violation> violations = new ArrayList<>();
        List<OrganizationDirectory.Put> puts = new ArrayList<>();
        Set<UUID> organizationIds = new HashSet<>();
        Set<UUID> serviceIds = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String field = "organizations[" + i + "].";
            Hsds.Organization organization;
            try {
                organization = mapper.treeToValue(list.get(i), Hsds.Organization.class);
            } catch (JsonProcessingException e) {
                violations.add(new Problem.Violation(field + jsonPath(e), "has an invalid value or type"));
                continue;
            }
            OrganizationDirectory.Put put = read(organization, field, violations);
            if (put == null) {
                continue;
            }
            if (!organizationIds.add(put.id())) {
                violations.add(new Problem.Violation(field + "id", "appears twice in the import"));
            }
            List<OfferedService> services = put.request().services();
            for (int j = 0; j < services.size(); j++) {
                UUID serviceId = services.get(j).id();
                if (serviceId != null && !serviceIds.add(serviceId)) {
                    violations.add(new Problem.Violation(field + "services[" + j + "].id",
                            "appears twice in the import"));
                }
            }
            for (ConstraintViolation<OrganizationRequest> v : validator.validate(put.request())) {
                violations.add(new Problem.Violation(field + field(v), v.getMessage()));
            }
            puts.add(put);
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Problem.Violation::field));
            throw new ProblemException(400, "validation", "Invalid request",
                    "The import has " + violations.size() + " invalid field(s); nothing was imported",
                    violations.subList(0, Math.min(MAX_VIOLATIONS, violations.size())));
        }
        int created = directory.putAll(puts, "organizations[%d].");
        return new Result(puts.size(), created, puts.size() - created);
    }

    /** The organisation as an API request, or null when its HSDS shape is unusable (violations added). */
    private OrganizationDirectory.Put read(Hsds.Organization o, String field, List<Problem.Violation> violations) {
        if (o.id() == null) {
            violations.add(new Problem.Violation(field + "id", "is required"));
            return null;
        }
        boolean lawEnforcement = false;
        boolean emergencyDispatch = false;
        List<Audience> audiences = new ArrayList<>();
        List<String> languages = new ArrayList<>();
        LocalDate lastVerifiedOn = null;
        List<Hsds.Attribute> attributes = nullToEmpty(o.attributes());
        for (int k = 0; k < attributes.size(); k++) {
            Hsds.Attribute a = attributes.get(k);
            String at = field + "attributes[" + k + "]";
            Hsds.TaxonomyTerm term = term(a);
            if (term == null) {
                continue; // another taxonomy's term: not the directory's to keep
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
                lastVerifiedOn = date(a.value(), at + ".value", violations);
            } else if (attribute == DirectoryAttribute.LANGUAGE && a.value() != null) {
                languages.add(a.value());
            } else {
                violations.add(new Problem.Violation(at, "is not an attribute of an organization"));
            }
        }
        List<OfferedService> services = new ArrayList<>();
        Instant updatedAt = null;
        List<Hsds.Service> hsdsServices = nullToEmpty(o.services());
        for (int j = 0; j < hsdsServices.size(); j++) {
            Hsds.Service s = hsdsServices.get(j);
            String at = field + "services[" + j + "].";
            services.add(service(s, at, violations));
            if (updatedAt == null && s.lastModified() != null) {
                try {
                    updatedAt = OffsetDateTime.parse(s.lastModified()).toInstant();
                } catch (DateTimeParseException e) {
                    violations.add(new Problem.Violation(at + "last_modified", "must be an ISO-8601 date-time"));
                }
            }
        }
        return new OrganizationDirectory.Put(o.id(), new OrganizationRequest(o.name(), o.description(),
                lawEnforcement, emergencyDispatch, audiences, languages, lastVerifiedOn, services), updatedAt);
    }

    private OfferedService service(Hsds.Service s, String field, List<Problem.Violation> violations) {
        List<Need> needs = new ArrayList<>();
        String timeZone = null;
        List<LocalDate> closedDates = new ArrayList<>();
        List<Hsds.Attribute> attributes = nullToEmpty(s.attributes());
        for (int k = 0; k < attributes.size(); k++) {
            Hsds.Attribute a = attributes.get(k);
            String at = field + "attributes[" + k + "]";
            Hsds.TaxonomyTerm term = term(a);
            if (term == null) {
                continue;
            }
            Need need = terms.needOf(term);
            DirectoryAttribute attribute = terms.attributeOf(term);
            if (need != null) {
                needs.add(need);
            } else if (attribute == DirectoryAttribute.TIME_ZONE) {
                timeZone = a.value();
            } else if (attribute == DirectoryAttribute.CLOSED_DATE) {
                LocalDate date = date(a.value(), at + ".value", violations);
                if (date != null) {
                    closedDates.add(date);
                }
            } else {
                violations.add(new Problem.Violation(at, "is not an attribute of a service"));
            }
        }
        boolean open24h = false;
        List<OfferedService.WeeklyHours> weekly = new ArrayList<>();
        List<Hsds.Schedule> schedules = nullToEmpty(s.schedules());
        for (int k = 0; k < schedules.size(); k++) {
            Hsds.Schedule schedule = schedules.get(k);
            String at = field + "schedules[" + k + "].";
            String scheduleZone = null;
            boolean allDay = false;
            for (Hsds.Attribute a : nullToEmpty(schedule.attributes())) {
                Hsds.TaxonomyTerm term = term(a);
                DirectoryAttribute attribute = term == null ? null : terms.attributeOf(term);
                if (attribute == DirectoryAttribute.OPEN_24_HOURS) {
                    allDay = true;
                } else if (attribute == DirectoryAttribute.TIME_ZONE) {
                    scheduleZone = a.value();
                }
            }
            if (timeZone == null) {
                timeZone = scheduleZone;
            } else if (scheduleZone != null && !scheduleZone.equals(timeZone)) {
                violations.add(new Problem.Violation(at + "attributes",
                        "has another time zone than its service; a service's hours follow one zone"));
            }
            if (allDay) {
                open24h = true;
            } else {
                weekly.add(weekly(schedule, at, violations));
            }
        }
        if (timeZone == null) {
            violations.add(new Problem.Violation(field + "attributes",
                    "must include a time-zone attribute (an IANA zone such as America/New_York)"));
        }
        List<Hsds.Phone> phones = nullToEmpty(s.phones());
        String phone = phones.isEmpty() ? null : phones.get(0).number();
        return new OfferedService(s.id(), s.name(), needs, phone,
                new OfferedService.Hours(timeZone, open24h, weekly, closedDates), area(s, field, violations));
    }

    private static OfferedService.WeeklyHours weekly(Hsds.Schedule schedule, String field,
            List<Problem.Violation> violations) {
        if (schedule.freq() != null && !schedule.freq().equals("WEEKLY")) {
            violations.add(new Problem.Violation(field + "freq", "must be WEEKLY: only weekly hours are kept"));
        }
        List<Weekday> days = new ArrayList<>();
        String byday = schedule.byday() == null ? "" : schedule.byday();
        for (String code : byday.split(",")) {
            Weekday day = Weekday.ofIcal(code.strip());
            if (day == null) {
                violations.add(new Problem.Violation(field + "byday", "must list iCal days, e.g. MO,TU,WE,TH,FR"));
                break;
            }
            days.add(day);
        }
        return new OfferedService.WeeklyHours(days, time(schedule.opensAt(), field + "opens_at", violations),
                time(schedule.closesAt(), field + "closes_at", violations));
    }

    private OfferedService.Area area(Hsds.Service s, String field, List<Problem.Violation> violations) {
        boolean national = false;
        List<String> states = new ArrayList<>();
        List<String> counties = new ArrayList<>();
        List<String> postalCodes = new ArrayList<>();
        List<Hsds.ServiceArea> areas = nullToEmpty(s.serviceAreas());
        for (int k = 0; k < areas.size(); k++) {
            DirectoryAttribute kind = null;
            String value = null;
            for (Hsds.Attribute a : nullToEmpty(areas.get(k).attributes())) {
                Hsds.TaxonomyTerm term = term(a);
                DirectoryAttribute attribute = term == null ? null : terms.attributeOf(term);
                if (attribute != null && attribute.code().startsWith("area-")) {
                    kind = attribute;
                    value = a.value();
                }
            }
            if (kind == null || kind != DirectoryAttribute.AREA_NATIONAL && value == null) {
                violations.add(new Problem.Violation(field + "service_areas[" + k + "].attributes",
                        "must include an area-national, area-state, area-county or area-postal-code attribute"));
                continue;
            }
            switch (kind) {
                case AREA_NATIONAL -> national = true;
                case AREA_STATE -> states.add(value);
                case AREA_COUNTY -> counties.add(value);
                default -> postalCodes.add(value);
            }
        }
        return new OfferedService.Area(national, states, counties, postalCodes);
    }

    private Hsds.TaxonomyTerm term(Hsds.Attribute a) {
        Hsds.TaxonomyTerm nested = a.taxonomyTerm();
        return terms.find(a.taxonomyTermId(), nested == null ? null : nested.taxonomyId(),
                nested == null ? null : nested.code()).orElse(null);
    }

    private static LocalDate date(String value, String field, List<Problem.Violation> violations) {
        try {
            return LocalDate.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            violations.add(new Problem.Violation(field, "must be a date, YYYY-MM-DD"));
            return null;
        }
    }

    /** A wall-clock time HH:MM (HH:MM:SS is accepted); an offset is refused, the zone is the time-zone attribute. */
    private static String time(String value, String field, List<Problem.Violation> violations) {
        try {
            return HsdsExport.time(value.length() == 8 ? value.substring(0, 5) : value).toString();
        } catch (RuntimeException e) {
            violations.add(new Problem.Violation(field,
                    "must be a wall-clock time HH:MM in the schedule's time zone, without an offset"));
            return LocalTime.MIDNIGHT.toString();
        }
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** {@code services[0].hours.timeZone} for a violation of the request built from the HSDS organisation. */
    private static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                field.append(field.length() > 0 ? "." : "").append(node.getName());
            }
        }
        return field.toString();
    }

    private static String jsonPath(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.length() > 0 ? "." : "").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
