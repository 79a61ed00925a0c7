package org.hotline.directory.hsds;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The Open Referral HSDS 3.0 objects the directory reads and writes, with HSDS's snake_case field names. Only the
 * fields the directory fills are declared; absent ones are left out of the JSON (never null), and unknown ones are
 * ignored when reading. The shapes are those of the official schemas under {@code schema/compiled/} (3.0 branch).
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
            List<Service> services) {
    }

    /** {@code service}; the nested lists only in a fully nested answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Service(UUID id, UUID organizationId, String name, String status, String assuredDate,
            String lastModified, Organization organization, List<Phone> phones, List<Schedule> schedules,
            List<ServiceArea> serviceAreas, List<Language> languages, List<Attribute> attributes) {
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
            String description, List<Attribute> attributes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ServiceArea(UUID id, UUID serviceId, String name, String description, List<Attribute> attributes) {
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
