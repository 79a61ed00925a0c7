package org.hotline.directory;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One place a service covers (HSDS {@code service_area}): the whole country, a state ({@code CA}), a county
 * ({@code CA:Santa Cruz}) or a ZIP code ({@code 95060}). {@code state} is set for states and counties.
 */
@Embeddable
public class ServiceArea {

    /** The kinds of place, from the widest. */
    public enum Kind {
        NATIONAL, STATE, COUNTY, POSTAL_CODE
    }

    @Column(nullable = false)
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, columnDefinition = "text")
    private Kind kind;

    @Column(columnDefinition = "text")
    private String code;

    @Column(columnDefinition = "text")
    private String state;

    protected ServiceArea() {
    }

    private ServiceArea(UUID id, Kind kind, String code, String state) {
        this.id = id;
        this.kind = kind;
        this.code = code;
        this.state = state;
    }

    static ServiceArea national(UUID id) {
        return new ServiceArea(id, Kind.NATIONAL, null, null);
    }

    static ServiceArea state(UUID id, String state) {
        return new ServiceArea(id, Kind.STATE, state, state);
    }

    static ServiceArea county(UUID id, String county) {
        return new ServiceArea(id, Kind.COUNTY, county, county.substring(0, county.indexOf(':')));
    }

    static ServiceArea postalCode(UUID id, String postalCode) {
        return new ServiceArea(id, Kind.POSTAL_CODE, postalCode, null);
    }

    public UUID id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** The place as the API spells it; null for {@link Kind#NATIONAL}. */
    public String code() {
        return code;
    }
}
