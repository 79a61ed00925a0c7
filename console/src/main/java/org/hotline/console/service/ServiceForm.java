package org.hotline.console.service;

import java.util.UUID;

/**
 * One service's edit form on the directory page: which service (its place in the organisation, as directory's field
 * errors name it), what it is (not edited here), the values to show and the errors beside each control.
 */
public record ServiceForm(int index, UUID id, String name, String needs, ServiceEdit edit, FieldErrors errors) {

    /** The error for a field of this service, e.g. {@code error(".phone")} for {@code services[2].phone}. */
    public String error(String field) {
        return errors.at("services[" + index + "]" + field);
    }

    /** Errors of the hours themselves (not of one span, not of the time zone). */
    public String hoursError() {
        return errors.exact("services[" + index + "].hours", "services[" + index + "].hours.weekly",
                "services[" + index + "].hours.open24h");
    }

    public String spanError(int row) {
        return errors.at("services[" + index + "].hours.weekly[" + row + "]");
    }

    /** The area's own error ("must cover somewhere"), beside the area's controls. */
    public String areaError() {
        return errors.exact("services[" + index + "].area", "services[" + index + "].area.national");
    }

    public boolean invalid() {
        return errors.at("services[" + index + "]") != null;
    }
}
