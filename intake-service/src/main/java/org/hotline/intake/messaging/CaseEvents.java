package org.hotline.intake.messaging;

import java.time.Instant;
import java.util.List;

import org.hotline.contracts.events.CaseClosed;
import org.hotline.contracts.events.CaseFacts;
import org.hotline.contracts.events.CaseOpened;
import org.hotline.contracts.events.CaseUpdated;
import org.hotline.intake.CaseFile;

/** Maps a case to its events: references, typology, county, state and counts; never a note or an address. */
public final class CaseEvents {

    private CaseEvents() {
    }

    /** Victims identified and served by partners, as the case's referral outcomes count them. */
    public record Served(int identified, int served) {
    }

    public static CaseFacts facts(CaseFile c, List<String> signals, Served served) {
        return new CaseFacts(c.status(), c.typology(), c.traffickingType(), c.county(), c.state(), List.copyOf(signals),
                c.victims(), c.minors(), served.identified(), served.served(), c.assignee());
    }

    public static CaseOpened opened(CaseFile c, CaseFacts facts) {
        return new CaseOpened(c.reference(), c.openedAt(), facts);
    }

    public static CaseUpdated updated(CaseFile c, Instant at, String change, CaseFacts facts) {
        return new CaseUpdated(c.reference(), at, change, facts);
    }

    public static CaseClosed closed(CaseFile c, String mergedInto, CaseFacts facts) {
        return new CaseClosed(c.reference(), c.closedAt(), c.closeReason(), mergedInto, facts);
    }
}
