package org.hotline.intake.rest.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.hotline.intake.rest.CallbackInput;

/** Checks {@link ReachableCallback}; the violation is reported on {@code phone}, the field an agent fills first. */
public class ReachableCallbackValidator implements ConstraintValidator<ReachableCallback, CallbackInput> {

    @Override
    public boolean isValid(CallbackInput callback, ConstraintValidatorContext context) {
        if (callback == null || !Boolean.TRUE.equals(callback.permissionToCallBack())
                || !isBlank(callback.phone()) || !isBlank(callback.email())) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode("phone").addConstraintViolation();
        return false;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
