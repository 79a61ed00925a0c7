package org.hotline.routing;

import java.util.List;

import org.hotline.contracts.vocabulary.ConsentBasis;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Urgency;

/**
 * The outcome of the rules for one contact, with the rules that fired in words a supervisor can read.
 *
 * @param lawEnforcementBasis why a law-enforcement referral may be made, or null when it may not
 */
public record Assessment(Urgency urgency, Handling handling, boolean emergencyAdvised,
        ConsentBasis lawEnforcementBasis, boolean lawEnforcementReferral, List<String> rules) {
}
