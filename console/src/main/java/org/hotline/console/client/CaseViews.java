package org.hotline.console.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** intake's case answers and bodies, as the console reads and sends them (codes as strings, as elsewhere). */
public final class CaseViews {

    private CaseViews() {
    }

    /** A case in the list. */
    public record Summary(String reference, String status, String closeReason, String typology,
            String traffickingType, String county, String state, int victims, int minors, String assignee,
            Instant openedAt, Instant updatedAt) {
    }

    public record Signal(String reference, String kind, Instant receivedAt, String typology, String traffickingType,
            Instant linkedAt, String linkedBy) {
    }

    public record Referral(UUID referralId, String signalReference, UUID organizationId, boolean lawEnforcement,
            Instant issuedAt, String outcome, Instant outcomeAt) {
    }

    public record Change(Instant at, String actor, String change, String detail) {
    }

    /** One case with everything but its notes. */
    public record Detail(String reference, String status, String closeReason, String mergedInto, String typology,
            String traffickingType, String county, String state, int victims, int minors, int victimsIdentified,
            int victimsServed, String assignee, Instant openedAt, String openedBy, Instant updatedAt,
            Instant closedAt, List<Signal> signals, List<Referral> referrals, List<Change> history) {

        public boolean closed() {
            return "CLOSED".equals(status);
        }
    }

    /** A suggested case for a contact. */
    public record Suggestion(UUID id, String caseReference, String caseStatus, List<String> reasons, int score,
            Float similarity, Instant suggestedAt, String decision, String decidedBy, Instant decidedAt) {
    }

    public record NewCase(String signalReference, String typology, Integer victims, Integer minors) {
    }

    public record Changes(String status, String typology, Integer victims, Integer minors) {
    }

    public record SignalLink(String signalReference) {
    }

    public record Assignment(String assignee) {
    }

    public record Closure(String reason) {
    }

    public record Merge(String caseReference) {
    }
}
