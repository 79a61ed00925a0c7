package org.hotline.intake;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What identifies or describes people in a contact: the tip's description or the agent's summary, a reporter's
 * name, phone and e-mail, a caller's callback details, and the venue address. It exists in memory only; the database
 * holds it sealed (see
 * PersonalDataVault), and {@link #toString()} never shows it, so it cannot reach a log by accident. Documents sealed
 * before the callback existed open with {@code callback} null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonalData(String description, String reporterName, String reporterPhone, String reporterEmail,
        Callback callback, String venueAddress) {

    /** What is left of a contact after its retention period: nothing. */
    public static final PersonalData SHREDDED = new PersonalData(null, null, null, null, null, null);

    /** Without a venue address, as contacts were before one could be given. */
    public PersonalData(String description, String reporterName, String reporterPhone, String reporterEmail,
            Callback callback) {
        this(description, reporterName, reporterPhone, reporterEmail, callback, null);
    }

    /** A description or summary with a reporter's identity, and no callback (tips). */
    public PersonalData(String description, String reporterName, String reporterPhone, String reporterEmail) {
        this(description, reporterName, reporterPhone, reporterEmail, null);
    }

    /**
     * How to reach a caller again, as the phone agent took it down, and whether the caller allowed a call back (a
     * caller in danger may give a number that must not be called).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Callback(String name, String phone, String email, boolean permissionToCallBack) {

        @Override
        public String toString() {
            return "Callback[redacted]";
        }
    }

    @Override
    public String toString() {
        return "PersonalData[redacted]";
    }
}
