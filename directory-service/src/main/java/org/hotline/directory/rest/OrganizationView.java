package org.hotline.directory.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.directory.OfferedService;
import org.hotline.directory.Organization;

/** An organisation as the API shows it, with its read-only {@code version} and {@code updatedAt}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganizationView(UUID id, String name, String description, boolean lawEnforcement,
        boolean emergencyDispatch, List<Audience> audiences, List<String> languages, LocalDate lastVerifiedOn,
        List<OfferedService> services, boolean confidential, long version, Instant updatedAt) {

    static OrganizationView of(Organization o) {
        return new OrganizationView(o.id(), o.name(), o.description(), o.lawEnforcement(), o.emergencyDispatch(),
                o.audiences(), o.languages(), o.lastVerifiedOn(), o.services(), o.confidential(), o.version(),
                o.updatedAt());
    }
}
