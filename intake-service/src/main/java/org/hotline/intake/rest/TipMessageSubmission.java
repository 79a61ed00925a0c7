package org.hotline.intake.rest;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;

/** Body of {@code POST /api/v1/tips/{reference}/messages}: what the reporter adds, and any new facts. */
public record TipMessageSubmission(
        @NotBlank @Size(max = 20_000) String message,
        Set<@NotNull Indicator> indicators,
        Set<@NotNull Need> needs) {
}
