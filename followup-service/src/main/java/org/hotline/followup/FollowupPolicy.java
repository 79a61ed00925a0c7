package org.hotline.followup;

import java.util.EnumSet;
import java.util.Set;

import org.hotline.contracts.events.RoutingDecided;
import org.hotline.contracts.vocabulary.Channel;
import org.hotline.contracts.vocabulary.Handling;
import org.hotline.contracts.vocabulary.Urgency;

/**
 * Who is owed a staff reply within the follow-up SLA (DESIGN.md §6): every non-urgent contact that nobody could answer
 * live (a message taken outside the window) or that came in writing (web form, e-mail, text), and any call whose
 * agent asked for a follow-up, urgent or not (the agent knows a reply is owed after the crisis was handled). A phone
 * call answered live in hours was handled on the call.
 */
public final class FollowupPolicy {

    /** Channels whose contacts are written messages, answered later by staff. */
    static final Set<Channel> WRITTEN_CHANNELS = EnumSet.of(Channel.WEB_FORM, Channel.EMAIL, Channel.TEXT);

    private FollowupPolicy() {
    }

    public static boolean needsFollowup(RoutingDecided decision) {
        if (decision.followUpRequested()) {
            return true;
        }
        return decision.urgency() == Urgency.NON_URGENT
                && (decision.handling() == Handling.MESSAGE_TAKEN || WRITTEN_CHANNELS.contains(decision.channel()));
    }
}
