package org.hotline.directory.hsds;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The Open Referral HSDS 3.0 objects the directory reads and writes, with HSDS's snake_case field names. Only the
 * fields the directory fills are declared; absent ones are left out of the JSON (never null), and unknown ones are
 * ignored when reading. The shapes are those of the official schemas under {@code schema/compiled/} (3.0 branch),
 * plus the hotline profile's fields ({@link HsdsProfile}): null, so absent, when a record is read from plain HSDS.
 */
public final class Hsds {

    /** The HSDS version the API and its output follow. */
    public static final String VERSION = "3.0";

    private Hsds() {
    }

    /** {@code GET /hsds/}: which HSDS version this API serves and where its OpenAPI document is. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ApiInfo(String version, String profile, String openapiUrl) {
    }

    /** HSDS's Page wrapper of every list answer; {@code page_number} counts from 1. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Page<T>(long totalItems, long totalPages, long pageNumber, long size, boolean firstPage,
            boolean lastPage, boolean empty, List<T> contents) {

        public static <T> Page<T> of(List<T> contents, long pageNumber, int perPage, long totalItems) {
            long totalPages = (totalItems + perPage - 1) / perPage;
            return new Page<>(totalItems, totalPages, pageNumber, contents.size(), pageNumber == 1,
                    pageNumber >= totalPages, contents.isEmpty(), List.copyOf(contents));
        }
    }

    /** {@code organization}; {@code services} only in a fully nested answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Organization(UUID id, String name, String description, List<Attribute> attributes,
            List<Service> services, List<String> audiences, Boolean lawEnforcement, Boolean emergencyDispatch,
            Boolean confidential) {

        /** Without the profile's fields (plain HSDS 3.0). */
        public Organization(UUID id, String name, String description, List<Attribute> attributes,
                List<Service> services) {
            this(id, name, description, attributes, services, null, null, null, null);
        }
    }

    /** {@code service}; the nested lists only in a fully nested answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Service(UUID id, UUID organizationId, String name, String status, String assuredDate,
            String lastModified, Organization organization, List<Phone> phones, List<Schedule> schedules,
            List<ServiceArea> serviceAreas, List<Language> languages, List<Attribute> attributes,
            List<ServiceAtLocation> serviceAtLocations, List<String> needs, String ianaTimeZone,
            @JsonProperty("open_24h") Boolean open24h, List<String> closedDates, Boolean confidential) {

        /** Without locations and the profile's fields (plain HSDS 3.0). */
        public Service(UUID id, UUID organizationId, String name, String status, String assuredDate,
                String lastModified, Organization organization, List<Phone> phones, List<Schedule> schedules,
                List<ServiceArea> serviceAreas, List<Language> languages, List<Attribute> attributes) {
            this(id, organizationId, name, status, assuredDate, lastModified, organization, phones, schedules,
                    serviceAreas, languages, attributes, null, null, null, null, null, null);
        }
    }

    /**
     * {@code service_at_location}: a service at one of its locations; {@code service} only in
     * {@code /service_at_locations} answers.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ServiceAtLocation(UUID id, UUID serviceId, UUID locationId, Location location, Service service) {
    }

    /**
     * {@code location}, physical, with its one address; a confidential one in the public read has neither address
     * nor coordinates.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Location(UUID id, String locationType, UUID organizationId, String name, Double latitude,
            Double longitude, List<Address> addresses, Boolean confidential) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Address(UUID id, UUID locationId, @JsonProperty("address_1") String address1, String city,
            String stateProvince, String postalCode, String country, String addressType) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Phone(UUID id, UUID serviceId, String number, String type) {
    }

    /**
     * {@code schedule}: a weekly span, {@code byday} as iCal day codes and {@code opens_at}/{@code closes_at} as
     * wall-clock {@code HH:MM} in the IANA zone given by the schedule's {@code time-zone} attribute.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Schedule(UUID id, UUID serviceId, String freq, String byday, String opensAt, String closesAt,
            String description, List<Attribute> attributes, String ianaTimeZone) {

        /** Without the profile's field (plain HSDS 3.0). */
        public Schedule(UUID id, UUID serviceId, String freq, String byday, String opensAt, String closesAt,
                String description, List<Attribute> attributes) {
            this(id, serviceId, freq, byday, opensAt, closesAt, description, attributes, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ServiceArea(UUID id, UUID serviceId, String name, String description, List<Attribute> attributes,
            String areaKind, String areaCode) {

        /** Without the profile's fields (plain HSDS 3.0). */
        public ServiceArea(UUID id, UUID serviceId, String name, String description, List<Attribute> attributes) {
            this(id, serviceId, name, description, attributes, null, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Language(UUID id, UUID serviceId, String name, String code) {
    }

    /** {@code attribute}: links an object ({@code link_id}) to a taxonomy term, with an optional value. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Attribute(UUID id, UUID linkId, UUID taxonomyTermId, String linkType, String linkEntity,
            String value, TaxonomyTerm taxonomyTerm) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TaxonomyTerm(UUID id, String code, String name, String description, UUID taxonomyId,
            String taxonomy, Taxonomy taxonomyDetail) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Taxonomy(UUID id, String name, String description, String uri, String version) {
    }
}
