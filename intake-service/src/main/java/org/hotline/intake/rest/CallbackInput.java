package org.hotline.intake.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hotline.intake.PersonalData;
import org.hotline.intake.rest.validation.ReachableCallback;

/**
 * How the caller can be reached for the follow-up, taken down by the agent (e.g. for a message taken after hours).
 * Personal data: sealed with the contact, shown only on the audited contact detail, never in an event.
 */
@ReachableCallback
public record CallbackInput(
        @Size(max = 200) String name,
        @Pattern(regexp = "\\+?[0-9 ()./-]{7,25}", message = "must be a phone number") String phone,
        @Email @Size(max = 254) String email,
        Boolean permissionToCallBack) {

    public PersonalData.Callback toCallback() {
        return new PersonalData.Callback(blankToNull(name), blankToNull(phone), blankToNull(email),
                Boolean.TRUE.equals(permissionToCallBack));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "CallbackInput[redacted]";
    }
}
