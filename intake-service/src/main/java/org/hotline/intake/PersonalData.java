package org.hotline.intake;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What identifies or describes people in a contact: the tip's description or the agent's summary, and a reporter's
 * name, phone and e-mail. It exists in memory only; the database holds it sealed (see PersonalDataVault), and
 * {@link #toString()} never shows it, so it cannot reach a log by accident.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonalData(String description, String reporterName, String reporterPhone, String reporterEmail) {

    /** What is left of a contact after its retention period: nothing. */
    public static final PersonalData SHREDDED = new PersonalData(null, null, null, null);

    @Override
    public String toString() {
        return "PersonalData[redacted]";
    }
}
