package org.hotline.routing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hotline.calendar.BusinessCalendar;
import org.hotline.calendar.Closure;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.ConsentBasis;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Urgency;

/**
 * The hotline's rules for urgency, handling, emergency advice and law enforcement (DESIGN §5), as data: the sets
 * come from configuration so operators can change them without a rebuild.
 */
public final class RoutingRules {

    private final Set<CallType> urgentCallTypes;
    private final Set<Indicator> urgentIndicators;
    private final Set<CallType> callerMayMarkUrgent;
    private final Set<Indicator> emergencyIndicators;
    private final BusinessCalendar calendar;

    public RoutingRules(Set<CallType> urgentCallTypes, Set<Indicator> urgentIndicators,
            Set<CallType> callerMayMarkUrgent, Set<Indicator> emergencyIndicators, BusinessCalendar calendar) {
        this.urgentCallTypes = Set.copyOf(urgentCallTypes);
        this.urgentIndicators = Set.copyOf(urgentIndicators);
        this.callerMayMarkUrgent = Set.copyOf(callerMayMarkUrgent);
        this.emergencyIndicators = Set.copyOf(emergencyIndicators);
        this.calendar = calendar;
    }

    /** Assesses on the configured calendar alone (no operator closures). */
    public Assessment assess(ContactFacts contact) {
        return assess(contact, calendar);
    }

    /** Assesses on {@code calendar}: the configured window with the operator closures known now. */
    public Assessment assess(ContactFacts contact, BusinessCalendar calendar) {
        List<String> rules = new ArrayList<>();
        Urgency urgency = urgency(contact, rules);
        Handling handling = handling(contact, urgency, calendar, rules);

        Set<Indicator> emergency = present(contact.indicators(), emergencyIndicators);
        boolean emergencyAdvised = !emergency.isEmpty();
        if (emergencyAdvised) {
            rules.add("emergency: advise the caller to dial 911 (" + emergency + ")");
        }

        ConsentBasis basis = lawEnforcementBasis(contact);
        boolean referral = basis != null && (basis != ConsentBasis.REPORTER_CONSENT
                || contact.needs().contains(Need.LAW_ENFORCEMENT) || contact.callType() == CallType.TIP);
        rules.add(switch (basis == null ? "none" : basis.name()) {
            case "MINOR_INVOLVED" -> "law enforcement: referral made without consent, a minor is involved (mandated reporting)";
            case "IMMINENT_DANGER" -> "law enforcement: referral made without consent, someone is in imminent danger";
            case "REPORTER_CONSENT" -> referral ? "law enforcement: the reporter consented"
                    : "law enforcement: the reporter consented, but nothing calls for a referral";
            default -> "law enforcement: no referral, no consent and no minor or imminent danger";
        });
        return new Assessment(urgency, handling, emergencyAdvised, basis, referral, List.copyOf(rules));
    }

    private Urgency urgency(ContactFacts contact, List<String> rules) {
        boolean urgent = false;
        if (urgentCallTypes.contains(contact.callType())) {
            rules.add("urgency: call type " + contact.callType() + " is urgent");
            urgent = true;
        }
        Set<Indicator> indicators = present(contact.indicators(), urgentIndicators);
        if (!indicators.isEmpty()) {
            rules.add("urgency: urgent indicators " + indicators);
            urgent = true;
        }
        if (contact.requestedUrgent() && callerMayMarkUrgent.contains(contact.callType())) {
            rules.add("urgency: the caller marked this " + contact.callType() + " urgent");
            urgent = true;
        }
        if (!urgent) {
            rules.add("urgency: no urgent call type, indicator or request");
        }
        return urgent ? Urgency.URGENT : Urgency.NON_URGENT;
    }

    private static Handling handling(ContactFacts contact, Urgency urgency, BusinessCalendar calendar,
            List<String> rules) {
        if (urgency == Urgency.URGENT) {
            rules.add("handling: urgent contacts are handled immediately, at any hour");
            return Handling.IMMEDIATE;
        }
        if (calendar.isOpen(contact.receivedAt())) {
            rules.add("handling: non-urgent, received inside the business window");
            return Handling.IN_HOURS;
        }
        String closure = closureAt(calendar, contact.receivedAt());
        rules.add(closure == null ? "handling: non-urgent, received outside the business window: message taken"
                : "handling: non-urgent, received during an operator closure (" + closure + "): message taken");
        return Handling.MESSAGE_TAKEN;
    }

    /** The reason of the operator closure covering {@code t}, or null. */
    private static String closureAt(BusinessCalendar calendar, Instant t) {
        LocalDateTime local = t.atZone(calendar.zone()).toLocalDateTime();
        return calendar.closures().stream().filter(c -> !local.isBefore(c.start()) && local.isBefore(c.end()))
                .map(Closure::reason).findFirst().orElse(null);
    }

    /** Consent first; without it only a minor or imminent danger allows a law-enforcement referral. */
    private static ConsentBasis lawEnforcementBasis(ContactFacts contact) {
        if (contact.consentToLawEnforcement()) {
            return ConsentBasis.REPORTER_CONSENT;
        }
        if (contact.indicators().contains(Indicator.MINOR_INVOLVED)) {
            return ConsentBasis.MINOR_INVOLVED;
        }
        if (contact.indicators().contains(Indicator.IMMINENT_DANGER)) {
            return ConsentBasis.IMMINENT_DANGER;
        }
        return null;
    }

    private static Set<Indicator> present(Set<Indicator> indicators, Set<Indicator> wanted) {
        Set<Indicator> found = EnumSet.noneOf(Indicator.class);
        indicators.stream().filter(wanted::contains).forEach(found::add);
        return found;
    }
}
