package org.hotline.routing.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.hotline.calendar.BusinessCalendar;
import org.hotline.routing.RoutingRules;

/** Builds the rules once from configuration and the shared business calendar. */
public class RulesProducer {

    @Produces
    @Singleton
    BusinessCalendar businessCalendar() {
        return BusinessCalendar.hotlineDefault();
    }

    @Produces
    @Singleton
    RoutingRules routingRules(RoutingConfig config, BusinessCalendar calendar) {
        return new RoutingRules(config.urgentCallTypes(), config.urgentIndicators(), config.callerMayMarkUrgent(),
                config.emergencyIndicators(), calendar);
    }
}
