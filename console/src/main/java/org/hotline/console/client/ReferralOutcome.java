package org.hotline.console.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Body of routing's {@code POST /api/v1/referrals/{referralId}/outcome}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralOutcome(String outcome, String note) {

    @Override
    public String toString() {
        return "ReferralOutcome[" + outcome + ", note redacted]";
    }
}
