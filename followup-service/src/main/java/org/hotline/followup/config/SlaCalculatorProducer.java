package org.hotline.followup.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.hotline.calendar.BusinessCalendar;
import org.hotline.calendar.BusinessWindow;
import org.hotline.calendar.SlaCalculator;
import org.hotline.calendar.SlaPolicy;

/**
 * The one SLA calculator of the service: follow-ups are scheduled and quotes are given with the same arithmetic.
 * Built from the hotline defaults, with whatever {@link FollowupConfig} sets applied on top.
 */
public class SlaCalculatorProducer {

    @Produces
    @Singleton
    SlaCalculator slaCalculator(FollowupConfig config) {
        return new SlaCalculator(calendar(config.window()), policy(config.sla()));
    }

    static BusinessCalendar calendar(FollowupConfig.Window settings) {
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

    static SlaPolicy policy(FollowupConfig.Sla settings) {
        SlaPolicy defaults = SlaPolicy.hotlineDefault();
        return new SlaPolicy(settings.target().orElse(defaults.target()), settings.breach().orElse(defaults.breach()));
    }
}
