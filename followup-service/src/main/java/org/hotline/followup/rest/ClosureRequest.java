package org.hotline.followup.rest;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/calendar/closures}: either {@code start} and {@code end} (local date-times in the
 * business calendar's zone, America/New_York by default; closed from start until end), or a {@code date} closed all
 * day.
 */
public record ClosureRequest(
        @Schema(description = "First closed local time, e.g. 2026-12-02T09:00", example = "2026-12-02T09:00")
        LocalDateTime start,
        @Schema(description = "First local time open again; after start", example = "2026-12-02T13:00")
        LocalDateTime end,
        @Schema(description = "A whole local day closed, instead of start and end", example = "2026-12-02")
        LocalDate date,
        @NotBlank @Size(max = 200) @Schema(description = "Shown to staff, e.g. Snow day", example = "Snow day")
        String reason) {
}
