package org.hotline.console.client;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.hotline.contracts.vocabulary.AgeBand;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;

/** Body of intake's {@code POST /api/v1/calls}; absent fields are left out so intake applies its defaults. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallRequest(CallType callType, CallerType callerType, Channel channel, Instant receivedAt,
        Boolean requestedUrgent, Set<Indicator> indicators, Set<Need> needs, Place location, String language,
        Boolean consentToLawEnforcement, String summary, Boolean followUpRequested, Callback callback,
        AgeBand ageBand, Boolean consentToShareWithPartners) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Place(String city, String state, String postalCode, String country) {
    }

    /** Whom to call back for a message taken (sealed by intake like a tip's reporter). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Callback(String name, String phone, String email, boolean permissionToCallBack) {

        @Override
        public String toString() {
            return "Callback[redacted]";
        }
    }

    @Override
    public String toString() {
        return "CallRequest[" + callType + ", personal data redacted]";
    }
}
