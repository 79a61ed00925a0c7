package org.hotline.directory.hsds;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The HSDS 3.x objects an import reads, from any publisher: only the fields the directory maps or reports on, with
 * HSDS's snake_case names; unknown fields are ignored. Ids are strings, because a CSV datapackage's ids need not be
 * UUIDs ({@link ImportIds} gives the directory's). The JSON API form is read into these as it is; the CSV form is
 * joined into the same nesting by {@link HsdsDatapackage}. {@code confidential} is the hotline profile's field
 * ({@link HsdsProfile}): absent in another publisher's data, which is then not confidential.
 */
public final class HsdsInput {

    private HsdsInput() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Organization(String id, String name, String description, List<Attribute> attributes,
            List<Service> services, List<Location> locations, List<Phone> phones, Boolean confidential) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Service(String id, String organizationId, String name, String status, String assuredDate,
            String lastModified, String eligibilityDescription, Double minimumAge, Double maximumAge,
            Organization organization, List<Phone> phones, List<Schedule> schedules, List<ServiceArea> serviceAreas,
            List<ServiceAtLocation> serviceAtLocations, List<Language> languages, List<Attribute> attributes,
            Boolean confidential) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Phone(String id, String number) {
    }

    /** An RRULE-style schedule: {@code freq}, {@code interval}, {@code byday}, times and validity dates. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Schedule(String id, String freq, Double interval, String byday, String bymonthday,
            String opensAt, String closesAt, String validFrom, String validTo, Double timezone, String description,
            List<Attribute> attributes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ServiceArea(String id, String name, String description, String extent, String extentType,
            List<Attribute> attributes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ServiceAtLocation(String id, String locationId, Location location, List<Phone> phones,
            List<Schedule> schedules) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Location(String id, String name, Double latitude, Double longitude, List<Address> addresses,
            List<Phone> phones, List<Schedule> schedules, Boolean confidential) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Address(@JsonProperty("address_1") String address1, String city, String region,
            String stateProvince, String postalCode, String country, String addressType) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Language(String name, String code) {
    }

    /** Links an object to a taxonomy term (HSDS 3.0's only way to classify a service), with an optional value. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Attribute(String id, String linkId, String linkType, String linkEntity, String taxonomyTermId,
            String value, TaxonomyTerm taxonomyTerm) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TaxonomyTerm(String id, String code, String name, String parentId, String taxonomy,
            String taxonomyId, Taxonomy taxonomyDetail, String termUri) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Taxonomy(String id, String name, String uri) {
    }

    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
