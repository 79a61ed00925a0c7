package org.hotline.intake.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.hotline.intake.FollowUpCodes;

public class FollowUpCodesProducer {

    @Produces
    @Singleton
    FollowUpCodes followUpCodes(IntakeConfig config) {
        return new FollowUpCodes(config.followUpCode().bcryptCost());
    }
}
