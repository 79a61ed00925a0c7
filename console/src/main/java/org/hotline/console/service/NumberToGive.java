package org.hotline.console.service;

import org.hotline.console.client.Decision;

/**
 * A number the agent gives the caller: the referral, whether its line is open now in its own time zone, and the
 * local time there ({@code openNow} is null when the directory could not say).
 */
public record NumberToGive(Decision.Referral referral, Boolean openNow, String timeZone, String localTime) {

    public boolean hoursKnown() {
        return openNow != null;
    }

    public boolean open() {
        return Boolean.TRUE.equals(openNow);
    }
}
