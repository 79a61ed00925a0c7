package org.hotline.directory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.hotline.contracts.vocabulary.Need;

/**
 * A service an organisation offers, as the API shows and takes it: the needs it covers, the number to call, when it
 * answers and where it works. The Bean Validation rules here are the rules of the request, and
 * {@link #normalized(UUID)} is what gets stored (in the {@link Service} entity and its tables).
 *
 * @param id    assigned by the directory when a request leaves it out
 * @param phone absent when the source gives none: a number is never invented
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfferedService(
        UUID id,
        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = 20) List<@NotNull Need> needs,
        @Size(max = 30) @Pattern(regexp = "\\+?[0-9][0-9 ()./-]{1,29}", message = "must be a phone number, e.g. 1-888-373-7888")
        String phone,
        @NotNull @Valid Hours hours,
        @NotNull @Valid Area area,
        boolean confidential,
        @Size(max = 50) List<@NotNull @Valid Location> locations) {

    /** A service that is not confidential and has no locations (what a request without those fields means). */
    public OfferedService(UUID id, String name, List<Need> needs, String phone, Hours hours, Area area) {
        this(id, name, needs, phone, hours, area, false, List.of());
    }

    /**
     * A place the service is delivered at (HSDS location with its physical address). {@code confidential}: an
     * undisclosed address (a shelter's), never in the public read. Coordinates are optional, both or neither; without
     * them the location is never within a {@code proximity}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(
            @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String address,
            @NotBlank @Size(max = 100) String city,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code, e.g. CA") String state,
            @NotNull @Pattern(regexp = "[0-9]{5}", message = "must be a 5-digit ZIP code") String postalCode,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude,
            boolean confidential) {

        @AssertTrue(message = "latitude and longitude must be given together")
        @JsonIgnore
        public boolean isCoordinatesComplete() {
            return (latitude == null) == (longitude == null);
        }

        Location normalized() {
            return new Location(name == null || name.isBlank() ? null : name.strip(), address.strip(), city.strip(),
                    state, postalCode, latitude, longitude, confidential);
        }
    }

    /** "HH:mm", 00:00 to 23:59. */
    public static final String TIME_OF_DAY = "([01][0-9]|2[0-3]):[0-5][0-9]";

    /**
     * When the service answers, on the wall clock of its own time zone. With {@code open24h} it is open around the
     * clock except on {@code closedDates}, and {@code weekly} is ignored.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hours(
            @NotNull @IanaTimeZone String timeZone,
            boolean open24h,
            @Size(max = 50) List<@NotNull @Valid WeeklyHours> weekly,
            @Size(max = 400) List<@NotNull LocalDate> closedDates) {

        Hours normalized() {
            return new Hours(timeZone, open24h, weekly == null ? List.of() : weekly.stream()
                    .map(WeeklyHours::normalized).toList(), sortedDistinct(closedDates, Comparator.naturalOrder()));
        }
    }

    /**
     * One opening span starting on each of {@code days}; {@code closes} before {@code opens} runs past midnight, and
     * equal times mean a full 24 hours (as the business calendar reads them).
     */
    public record WeeklyHours(
            @NotEmpty @Size(max = 7) List<@NotNull Weekday> days,
            @NotNull @Pattern(regexp = TIME_OF_DAY, message = "must be a time of day as HH:mm, e.g. 09:00") String opens,
            @NotNull @Pattern(regexp = TIME_OF_DAY, message = "must be a time of day as HH:mm, e.g. 17:00") String closes) {

        WeeklyHours normalized() {
            return new WeeklyHours(sortedDistinct(days, Comparator.naturalOrder()), opens, closes);
        }
    }

    /** Where the service works: nationwide, or the listed states, counties ("STATE:County") and ZIP codes. */
    public record Area(
            boolean national,
            @Size(max = 60)
            List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code, e.g. CA") String> states,
            @Size(max = 500)
            List<@NotNull @Size(max = 100) @Pattern(regexp = "[A-Z]{2}:[^:\\s][^:]*",
                    message = "must be STATE:County, e.g. CA:Santa Cruz") String> counties,
            @Size(max = 5000)
            List<@NotNull @Pattern(regexp = "[0-9]{5}", message = "must be a 5-digit ZIP code") String> postalCodes) {

        /** Whether the area covers any place at all. */
        public boolean coversSomewhere() {
            return national || !isEmpty(states) || !isEmpty(counties) || !isEmpty(postalCodes);
        }

        Area normalized() {
            return new Area(national, sortedDistinct(states, Comparator.naturalOrder()),
                    sortedDistinct(counties, Comparator.naturalOrder()),
                    sortedDistinct(postalCodes, Comparator.naturalOrder()));
        }
    }

    /**
     * This service as stored: with {@code id}, and with every list in a stable order without duplicates, so equal
     * services give equal documents and events.
     */
    public OfferedService normalized(UUID id) {
        Objects.requireNonNull(id, "id");
        return new OfferedService(id, name.strip(), sortedDistinct(needs, Comparator.naturalOrder()),
                phone == null || phone.isBlank() ? null : phone.strip(), hours.normalized(), area.normalized(),
                confidential, locations == null ? List.of() : locations.stream().map(Location::normalized).toList());
    }

    private static <T> List<T> sortedDistinct(Collection<T> values, Comparator<? super T> order) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).distinct().sorted(order).toList();
    }

    private static boolean isEmpty(Collection<?> values) {
        return values == null || values.isEmpty();
    }
}
