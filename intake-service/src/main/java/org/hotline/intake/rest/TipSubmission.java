package org.hotline.intake.rest;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.AgeBand;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.TraffickingType;
import org.hotline.contracts.vocabulary.Typology;

/**
 * Body of {@code POST /api/v1/tips}: only the description is required; a tip may be fully anonymous. {@code typology}
 * is the Polaris type (optional); {@code venueAddress} where the situation is (optional, sealed like the description).
 */
public record TipSubmission(
        @NotBlank @Size(max = 20_000) String description,
        Channel channel,
        TraffickingType traffickingType,
        Set<@NotNull Indicator> indicators,
        Set<@NotNull Need> needs,
        @Valid LocationInput location,
        @Valid ReporterInput reporter,
        AgeBand ageBand,
        Typology typology,
        @Size(max = 300) String venueAddress) {

    /** Who reports; without it, or with {@code anonymous} true or missing, the tip is anonymous. */
    public record ReporterInput(
            Boolean anonymous,
            CallerType callerType,
            @Size(max = 200) String name,
            @Pattern(regexp = "\\+?[0-9 ()./-]{7,25}", message = "must be a phone number") String phone,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag, e.g. en or es")
            String language,
            Boolean consentToLawEnforcement) {
    }
}
