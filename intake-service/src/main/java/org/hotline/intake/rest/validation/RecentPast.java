package org.hotline.intake.rest.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An instant that is not in the future (a minute of clock skew allowed) and not older than {@link #days()}: a message
 * taken overnight is logged with its real time, but nothing is logged ahead of time or long after.
 */
@Documented
@Constraint(validatedBy = RecentPastValidator.class)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface RecentPast {

    int days();

    String message() default "must not be in the future nor more than {days} days ago";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
