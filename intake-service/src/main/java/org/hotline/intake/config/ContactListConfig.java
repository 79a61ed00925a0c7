package org.hotline.intake.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The staff contact list, under {@code hotline.intake.contacts}. */
@ConfigMapping(prefix = "hotline.intake.contacts")
public interface ContactListConfig {

    /**
     * The zone in which a date-only {@code receivedFrom}/{@code receivedTo} is a day: the hotline's own (its business
     * window is Eastern time), so "received on 2 December" means what staff mean by it.
     */
    @WithDefault("America/New_York")
    ZoneId zone();
}
