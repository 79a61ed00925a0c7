package org.hotline.console.rest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.hotline.console.client.CallRequest;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.AgeBand;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;

/**
 * What the agent typed into the call form, kept as typed so that a refused form comes back filled in, and turned into
 * intake's call request. Only the console's own checks happen here (a value must be one the form offered); intake
 * validates the call itself and its problem+json answer is shown beside the form.
 */
public record CallForm(String callType, String callerType, String channel, String receivedAt,
        List<String> indicators, List<String> needs, String city, String state, String postalCode,
        String language, boolean consentToLawEnforcement, boolean requestedUrgent, String summary,
        boolean followUpRequested, String callbackName, String callbackPhone, String callbackEmail,
        boolean permissionToCallBack, String ageBand, boolean consentToShareWithPartners) {

    /** The channels a call can come in on (a web form is the public's tip form, not an agent's). */
    public static final List<Channel> CHANNELS = List.of(Channel.PHONE, Channel.EMAIL, Channel.TEXT, Channel.CHAT);

    public CallForm {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        needs = needs == null ? List.of() : List.copyOf(needs);
    }

    public static CallForm empty() {
        return new CallForm("", "", "PHONE", "", List.of(), List.of(), "", "", "", "en", false, false, "", false,
                "", "", "", false, "", false);
    }

    public boolean hasIndicator(Indicator i) {
        return indicators.contains(i.name());
    }

    public boolean hasNeed(Need n) {
        return needs.contains(n.name());
    }

    /** The request for intake, or the list of what is wrong with the form. */
    public Result toRequest() {
        List<String> errors = new ArrayList<>();
        CallType type = parse(CallType.class, callType, "Call type", true, errors);
        CallerType caller = parse(CallerType.class, callerType, "Caller type", false, errors);
        AgeBand band = parse(AgeBand.class, ageBand, "Age", false, errors);
        Channel ch = parse(Channel.class, channel, "Channel", false, errors);
        if (ch != null && !CHANNELS.contains(ch)) {
            errors.add("Channel: choose phone, email, text or chat");
        }
        Set<Indicator> indicatorSet = EnumSet.noneOf(Indicator.class);
        for (String i : indicators) {
            Indicator value = parse(Indicator.class, i, "Indicators", false, errors);
            if (value != null) {
                indicatorSet.add(value);
            }
        }
        Set<Need> needSet = EnumSet.noneOf(Need.class);
        for (String n : needs) {
            Need value = parse(Need.class, n, "Needs", false, errors);
            if (value != null) {
                needSet.add(value);
            }
        }
        Instant received = null;
        if (!blank(receivedAt)) {
            try {
                received = LocalDateTime.parse(receivedAt).atZone(Labels.HOTLINE_ZONE).toInstant();
            } catch (DateTimeParseException e) {
                errors.add("Received at: a date and time, e.g. 2026-12-03T21:40");
            }
        }
        CallRequest.Place place = blank(city) && blank(state) && blank(postalCode) ? null
                : new CallRequest.Place(orNull(city), orNull(state == null ? null : state.toUpperCase()),
                        orNull(postalCode), "US");
        CallRequest.Callback callback = blank(callbackName) && blank(callbackPhone) && blank(callbackEmail)
                && !permissionToCallBack ? null
                : new CallRequest.Callback(orNull(callbackName), orNull(callbackPhone), orNull(callbackEmail),
                        permissionToCallBack);
        if (!errors.isEmpty()) {
            return new Result(null, List.copyOf(errors));
        }
        return new Result(new CallRequest(type, caller, ch, received, requestedUrgent, indicatorSet, needSet, place,
                orNull(language), consentToLawEnforcement, orNull(summary), followUpRequested, callback, band,
                consentToShareWithPartners),
                List.of());
    }

    public record Result(CallRequest request, List<String> errors) {
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, boolean required,
            List<String> errors) {
        if (blank(value)) {
            if (required) {
                errors.add(field + ": choose one");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(field + ": not one of the choices offered");
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String orNull(String s) {
        return blank(s) ? null : s.strip();
    }

    @Override
    public String toString() {
        return "CallForm[" + callType + ", personal data redacted]";
    }
}
