package org.hotline.console.client;

import java.time.LocalDate;
import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of {@code POST /api/v1/calendar/closures}: a whole {@code date}, or {@code start}/{@code end}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClosureRequest(LocalDate date, LocalDateTime start, LocalDateTime end, String reason) {
}
