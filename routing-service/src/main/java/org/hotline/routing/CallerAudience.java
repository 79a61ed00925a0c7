package org.hotline.routing;

import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.ResourceAudience;

/** Whom a resource must be written for to suit a caller: the caller type read as a resource audience. */
public final class CallerAudience {

    private CallerAudience() {
    }

    /** A caller whose type was not recorded is the public. */
    public static ResourceAudience of(CallerType callerType) {
        if (callerType == null) {
            return ResourceAudience.PUBLIC;
        }
        return switch (callerType) {
            case POTENTIAL_VICTIM -> ResourceAudience.SURVIVOR;
            case LAW_ENFORCEMENT -> ResourceAudience.LAW_ENFORCEMENT;
            case MEDICAL_PROFESSIONAL -> ResourceAudience.MEDICAL;
            case LEGAL_PROFESSIONAL -> ResourceAudience.LEGAL;
            case SERVICE_PROVIDER -> ResourceAudience.SERVICE_PROVIDER;
            // community and family members, researchers, students, policy-makers, others: public material
            default -> ResourceAudience.PUBLIC;
        };
    }
}
