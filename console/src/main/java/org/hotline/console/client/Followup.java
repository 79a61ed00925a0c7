package org.hotline.console.client;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.Channel;

/**
 * followup-service's {@code FollowupView} (assignee and outcome are null until claimed or completed; assigneeName is
 * null when followup knows no name for the assignee).
 */
public record Followup(UUID id, String reference, CallType callType, Channel channel, OffsetDateTime receivedAt,
        OffsetDateTime clockStartsAt, OffsetDateTime targetAt, OffsetDateTime breachAt, String status,
        boolean atRisk, boolean breached, OffsetDateTime completedAt, String assignee, String assigneeName,
        String outcome) {

    public boolean open() {
        return "OPEN".equals(status);
    }
}
