package org.hotline.intake.rest.validation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A callback the caller gave permission for has a phone number or an e-mail address to use: permission to call back
 * with no way to do it would promise a follow-up nobody can make. The violation names {@code phone}.
 */
@Documented
@Constraint(validatedBy = ReachableCallbackValidator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface ReachableCallback {

    String message() default "a phone number or an e-mail address is needed when permissionToCallBack is true";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
