package org.hotline.directory.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hotline.contracts.vocabulary.ResourceAudience;
import org.hotline.contracts.vocabulary.ResourceKind;

/**
 * Body of {@code POST /api/v1/resources} and {@code PUT /api/v1/resources/{id}}: the whole resource but its file.
 * {@code topics} are names of the Need and TrafficingType vocabularies (checked by the library, which names each bad
 * one). Without {@code url} the resource is read from the PDF uploaded to it.
 */
public record ResourceRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 2000) String summary,
        @NotNull ResourceKind kind,
        @NotEmpty @Size(max = 30) List<@NotNull String> topics,
        @NotEmpty @Size(max = 7) List<@NotNull ResourceAudience> audiences,
        @NotEmpty @Size(max = 20)
        List<@NotNull @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*",
                message = "must be a language tag, e.g. en or es") String> languages,
        @Size(max = 2000) @Pattern(regexp = "https://[^\\s/?#]+[^\\s]*", message = "must be an https:// address")
        String url,
        LocalDate publishedOn,
        LocalDate retiredOn) {
}
