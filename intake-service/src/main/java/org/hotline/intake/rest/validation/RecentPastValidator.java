package org.hotline.intake.rest.validation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.Dependent;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link RecentPast} against the application clock; one instance per constrained element. */
@Dependent
public class RecentPastValidator implements ConstraintValidator<RecentPast, Instant> {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final Clock clock;
    private Duration maxAge;

    public RecentPastValidator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void initialize(RecentPast annotation) {
        maxAge = Duration.ofDays(annotation.days());
    }

    @Override
    public boolean isValid(Instant value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        Instant now = clock.instant();
        return !value.isAfter(now.plus(CLOCK_SKEW)) && !value.isBefore(now.minus(maxAge));
    }
}
