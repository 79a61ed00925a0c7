package org.hotline.followup.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.hotline.calendar.BusinessCalendar;
import org.hotline.calendar.SlaCalculator;
import org.hotline.calendar.SlaPolicy;

/**
 * The one SLA calculator of the service: follow-ups are scheduled and quotes are given with the same arithmetic.
 * Built on the shared business calendar ({@code hotline.calendar.window.*}) with the SLA policy's defaults and
 * whatever {@link FollowupConfig} sets applied on top.
 */
public class SlaCalculatorProducer {

    @Produces
    @Singleton
    SlaCalculator slaCalculator(BusinessCalendar calendar, FollowupConfig config) {
        return new SlaCalculator(calendar, policy(config.sla()));
    }

    static SlaPolicy policy(FollowupConfig.Sla settings) {
        SlaPolicy defaults = SlaPolicy.hotlineDefault();
        return new SlaPolicy(settings.target().orElse(defaults.target()), settings.breach().orElse(defaults.breach()));
    }
}
