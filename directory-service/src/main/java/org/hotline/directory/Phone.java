package org.hotline.directory;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A service's phone number (HSDS {@code phone}); the service's hours are when it answers. */
@Embeddable
public class Phone {

    @Column(nullable = false)
    private UUID id;

    @Column(nullable = false, columnDefinition = "text")
    private String number;

    protected Phone() {
    }

    Phone(UUID id, String number) {
        this.id = id;
        this.number = number;
    }

    public UUID id() {
        return id;
    }

    public String number() {
        return number;
    }
}
