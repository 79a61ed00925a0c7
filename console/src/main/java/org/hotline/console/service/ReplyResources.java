package org.hotline.console.service;

import java.util.List;
import java.util.Set;

import org.hotline.console.client.Decision;

/**
 * A reply to a reporter with the resources routing proposed that the agent ticked: their titles and public links
 * after the text. Only the decision's own resources can be added (the form sends ids; the links come from routing),
 * and only those with a link.
 */
public final class ReplyResources {

    private ReplyResources() {
    }

    /** The reply as sent: the text, then a line per chosen resource; blank when there is neither. */
    public static String compose(String text, Decision decision, List<String> chosenIds) {
        String body = text == null ? "" : text.strip();
        if (decision == null || chosenIds == null || chosenIds.isEmpty()) {
            return body;
        }
        Set<String> chosen = Set.copyOf(chosenIds);
        StringBuilder reply = new StringBuilder(body);
        boolean first = true;
        for (Decision.ProposedResource resource : decision.resources()) {
            if (resource.link() == null || !chosen.contains(resource.resourceId().toString())) {
                continue;
            }
            if (first) {
                reply.append(reply.isEmpty() ? "" : "\n\n").append("Resources:");
                first = false;
            }
            reply.append("\n- ").append(resource.title()).append(": ").append(resource.link());
        }
        return reply.toString();
    }
}
