package org.hotline.followup.messaging;

import org.hotline.contracts.events.CalendarClosureAdded;
import org.hotline.followup.CalendarClosure;

/** The calendar closures as events on the compacted closures topic, keyed by closure id. */
public final class ClosureEvents {

    private ClosureEvents() {
    }

    public static String key(CalendarClosure closure) {
        return closure.id().toString();
    }

    public static CalendarClosureAdded added(CalendarClosure closure) {
        return new CalendarClosureAdded(closure.id(), closure.start(), closure.end(), closure.reason(),
                closure.createdAt());
    }
}
