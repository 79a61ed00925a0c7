package org.hotline.directory;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The value is an IANA time-zone id known to this JVM's tz database, such as {@code America/New_York}. Fixed offsets
 * ({@code -05:00}) and abbreviations ({@code EST}) are refused: opening hours follow the local wall clock, daylight
 * saving included. {@code null} is valid; combine with {@code @NotNull} where the zone is required.
 */
@Documented
@Constraint(validatedBy = IanaTimeZoneValidator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT,
        ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface IanaTimeZone {

    String message() default "must be an IANA time zone, e.g. America/New_York";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
