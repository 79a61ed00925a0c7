package org.hotline.followup.rest;

/**
 * The dashboard's line on contacts intake accepted over a minute ago that have no routing decision: a tip that
 * follow-up can never see unless routing decides it. {@code count} is null when intake could not be asked.
 */
public record RoutingStatus(Long count) {

    public boolean known() {
        return count != null;
    }

    public boolean alarming() {
        return count != null && count > 0;
    }

    public String message() {
        if (count == null) {
            return "Could not ask intake-service whether every contact was routed.";
        }
        if (count == 0) {
            return "Every contact accepted over a minute ago has been routed.";
        }
        return count + (count == 1 ? " contact" : " contacts") + " could not be routed (accepted over a minute ago,"
                + " no routing decision yet).";
    }
}
