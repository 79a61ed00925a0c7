package org.hotline.directory.hsds;

/**
 * The terms of the "Hotline directory attributes" taxonomy: how the HSDS export carries what HSDS 3.0 has no field
 * for, as {@code attributes} of the organisation, service, schedule or service area (codes as in the V2 migration).
 */
public enum DirectoryAttribute {
    /** Organisation: it is law enforcement (present when true). */
    LAW_ENFORCEMENT_AGENCY("law-enforcement-agency"),
    /** Organisation: an emergency number to dial (9-1-1), never a referral target (present when true). */
    EMERGENCY_DISPATCH("emergency-dispatch"),
    /** Organisation: value = the date last verified, YYYY-MM-DD. */
    LAST_VERIFIED_ON("last-verified-on"),
    /** Organisation: value = a BCP 47 language tag; one attribute per language. */
    LANGUAGE("language"),
    /** Service and schedule: value = the IANA time zone of the hours. */
    TIME_ZONE("time-zone"),
    /** Schedule: this schedule stands for "open 24 hours, every day" (except closed dates). */
    OPEN_24_HOURS("open-24-hours"),
    /** Service: value = a closed local date, YYYY-MM-DD; one attribute per date. */
    CLOSED_DATE("closed-date"),
    /** Service area: the whole country. */
    AREA_NATIONAL("area-national"),
    /** Service area: value = a two-letter state code. */
    AREA_STATE("area-state"),
    /** Service area: value = STATE:County. */
    AREA_COUNTY("area-county"),
    /** Service area: value = a five-digit ZIP code. */
    AREA_POSTAL_CODE("area-postal-code");

    private final String code;

    DirectoryAttribute(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
