package org.hotline.directory.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hotline.contracts.vocabulary.Audience;
import org.hotline.directory.OfferedService;

/**
 * Body of {@code POST /api/v1/organizations} and {@code PUT /api/v1/organizations/{id}}: the whole organisation.
 * {@code id}, {@code version} and {@code updatedAt} are the directory's to set and are ignored when sent; services
 * without an {@code id} get one. {@code confidential} keeps the organisation out of the public HSDS read (as
 * admitting {@code LAW_ENFORCEMENT_ONLY} does by rule).
 */
public record OrganizationRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        boolean lawEnforcement,
        boolean emergencyDispatch,
        @Size(max = 10) List<@NotNull Audience> audiences,
        @Size(max = 20)
        List<@NotNull @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                message = "must be a language tag, e.g. en or es") String> languages,
        LocalDate lastVerifiedOn,
        @Size(max = 100) List<@NotNull @Valid OfferedService> services,
        boolean confidential) {

    /** An organisation that is not marked confidential (what a request without the field means). */
    public OrganizationRequest(String name, String description, boolean lawEnforcement, boolean emergencyDispatch,
            List<Audience> audiences, List<String> languages, LocalDate lastVerifiedOn,
            List<OfferedService> services) {
        this(name, description, lawEnforcement, emergencyDispatch, audiences, languages, lastVerifiedOn, services,
                false);
    }
}
