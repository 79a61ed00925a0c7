package org.hotline.routing.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hotline.calendar.BusinessCalendar;
import org.hotline.contracts.events.CalendarClosureAdded;
import org.hotline.routing.CalendarClosure;
import org.hotline.routing.repository.ClosureRepository;
import org.jboss.logging.Logger;

/**
 * The business calendar routing decides on: the shared configured window ({@code hotline.calendar.window.*}) with
 * the operator closures follow-up publishes, kept in routing's own table. Read from the table at each decision, so
 * every instance sees a closure as soon as any instance has stored it.
 */
@ApplicationScoped
public class RoutingCalendar {

    private static final Logger LOG = Logger.getLogger(RoutingCalendar.class);

    private final BusinessCalendar configured;
    private final ClosureRepository closures;

    public RoutingCalendar(BusinessCalendar configured, ClosureRepository closures) {
        this.configured = configured;
        this.closures = closures;
    }

    /** The configured calendar with every closure stored so far. */
    @Transactional(Transactional.TxType.MANDATORY)
    public BusinessCalendar current() {
        return configured.withClosures(closures.allInOrder().stream().map(CalendarClosure::toClosure).toList());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void added(CalendarClosureAdded event) {
        closures.findByIdOptional(event.closureId()).ifPresentOrElse(c -> c.update(event),
                () -> closures.persist(CalendarClosure.of(event)));
        LOG.infof("Calendar closure %s stored", event.closureId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void removed(UUID closureId) {
        closures.deleteById(closureId);
        LOG.infof("Calendar closure %s removed", closureId);
    }
}
