package org.hotline.platform.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.hotline.calendar.BusinessCalendar;
import org.hotline.calendar.BusinessWindow;

/**
 * The configured business calendar (window and federal holidays, no closures) for every service that needs one, so
 * routing and follow-up never count with two different windows.
 */
public class BusinessCalendarProducer {

    @Produces
    @Singleton
    BusinessCalendar businessCalendar(CalendarConfig config) {
        return configured(config.window());
    }

    /** The hotline defaults with whatever {@code settings} sets applied on top. */
    public static BusinessCalendar configured(CalendarConfig.Window settings) {
        BusinessCalendar defaults = BusinessCalendar.hotlineDefault();
        BusinessWindow window = defaults.window();
        return BusinessCalendar.builder()
                .window(new BusinessWindow(
                        settings.zone().orElse(window.zone()),
                        settings.days().orElse(window.days()),
                        settings.opens().orElse(window.opens()),
                        settings.closes().orElse(window.closes())))
                .federalHolidays(settings.federalHolidays().orElse(defaults.includeFederalHolidays()))
                .build();
    }
}
