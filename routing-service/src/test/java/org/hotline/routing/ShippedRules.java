package org.hotline.routing;

import org.hotline.calendar.BusinessCalendar;
import org.hotline.routing.config.RoutingConfig;
import org.hotline.routing.config.RulesProducer;
import org.hotline.routing.config.ShippedRoutingConfig;

/** The rules and the selector built from the service's shipped configuration, as {@link RulesProducer} builds them. */
final class ShippedRules {

    static final RoutingConfig CONFIG = ShippedRoutingConfig.load();

    private ShippedRules() {
    }

    static RoutingRules rules() {
        return rules(BusinessCalendar.hotlineDefault());
    }

    static RoutingRules rules(BusinessCalendar calendar) {
        return new RulesProducer().routingRules(CONFIG, calendar);
    }

    static TargetSelector selector() {
        return new RulesProducer().targetSelector(CONFIG);
    }
}
