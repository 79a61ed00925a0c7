package org.hotline.routing.config;

import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Indicator;

/** The routing rules' data (DESIGN §5 defaults); change them in configuration, no rebuild needed. */
@ConfigMapping(prefix = "hotline.routing")
public interface RoutingConfig {

    /** Call types that are always urgent. */
    @WithDefault("CRISIS")
    Set<CallType> urgentCallTypes();

    /** Indicators that make any contact urgent. */
    @WithDefault("IMMINENT_DANGER,MEDICAL_EMERGENCY,NEEDS_WITHIN_24H,MINOR_INVOLVED")
    Set<Indicator> urgentIndicators();

    /** Call types a caller may mark urgent. */
    @WithDefault("TRAINING_TA,REFERRAL_REQUEST")
    Set<CallType> callerMayMarkUrgent();

    /** Indicators that mean: tell the caller to dial 911. */
    @WithDefault("IMMINENT_DANGER,MEDICAL_EMERGENCY")
    Set<Indicator> emergencyIndicators();
}
