package org.hotline.directory;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A place a service is delivered at (HSDS {@code location} with one physical {@code address}; the link is HSDS's
 * {@code service_at_location}). Its id is derived from the service's; {@link #serviceAtLocationId} too.
 */
@Embeddable
public class ServiceLocation {

    @Column(nullable = false)
    private UUID id;

    @Column(name = "service_at_location_id", nullable = false)
    private UUID serviceAtLocationId;

    @Column(columnDefinition = "text")
    private String name;

    @Column(name = "address_1", nullable = false, columnDefinition = "text")
    private String address;

    @Column(nullable = false, columnDefinition = "text")
    private String city;

    @Column(name = "state_province", nullable = false, columnDefinition = "text")
    private String state;

    @Column(name = "postal_code", nullable = false, columnDefinition = "text")
    private String postalCode;

    @Column(nullable = false, columnDefinition = "text")
    private String country;

    private Double latitude;

    private Double longitude;

    @Column(nullable = false)
    private boolean confidential;

    protected ServiceLocation() {
    }

    ServiceLocation(UUID id, OfferedService.Location location) {
        this.id = id;
        this.serviceAtLocationId = UUID.nameUUIDFromBytes((id + "/service_at_location")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        this.name = location.name();
        this.address = location.address();
        this.city = location.city();
        this.state = location.state();
        this.postalCode = location.postalCode();
        this.country = "US";
        this.latitude = location.latitude();
        this.longitude = location.longitude();
        this.confidential = location.confidential();
    }

    OfferedService.Location toOffered() {
        return new OfferedService.Location(name, address, city, state, postalCode, latitude, longitude, confidential);
    }

    /** The id of the HSDS {@code service_at_location} linking the service to this location. */
    public UUID serviceAtLocationId() {
        return serviceAtLocationId;
    }

    /** The id of this location's HSDS {@code address}. */
    public UUID addressId() {
        return UUID.nameUUIDFromBytes((id + "/address").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public String city() {
        return city;
    }

    public String state() {
        return state;
    }

    public String postalCode() {
        return postalCode;
    }

    public String country() {
        return country;
    }

    public Double latitude() {
        return latitude;
    }

    public Double longitude() {
        return longitude;
    }

    public boolean confidential() {
        return confidential;
    }
}
