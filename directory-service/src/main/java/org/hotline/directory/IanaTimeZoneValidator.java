package org.hotline.directory;

import java.time.ZoneId;
import java.util.Set;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link IanaTimeZone}: the id must be one of the region ids of the tz database. */
public class IanaTimeZoneValidator implements ConstraintValidator<IanaTimeZone, String> {

    private static final Set<String> REGION_IDS = ZoneId.getAvailableZoneIds();

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || REGION_IDS.contains(value);
    }
}
