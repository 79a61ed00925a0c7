package org.hotline.console.service;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hotline.calendar.OpeningHours;
import org.hotline.calendar.WeeklyHours;
import org.hotline.console.client.Decision;
import org.hotline.console.client.DirectoryApi;
import org.hotline.console.client.Organization;
import org.jboss.logging.Logger;

/**
 * The numbers of a decision's referrals, each with whether it is open now in its own time zone, worked out with the
 * same opening-hours arithmetic routing uses (business-calendar) from the directory's current hours.
 */
@ApplicationScoped
public class NumbersToGive {

    private static final Logger LOG = Logger.getLogger(NumbersToGive.class);
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("EEE HH:mm");
    private static final Map<String, DayOfWeek> DAYS = Map.of("MON", DayOfWeek.MONDAY, "TUE", DayOfWeek.TUESDAY,
            "WED", DayOfWeek.WEDNESDAY, "THU", DayOfWeek.THURSDAY, "FRI", DayOfWeek.FRIDAY,
            "SAT", DayOfWeek.SATURDAY, "SUN", DayOfWeek.SUNDAY);

    private final DirectoryApi directory;
    private final Clock clock;

    @Inject
    public NumbersToGive(@RestClient DirectoryApi directory) {
        this(directory, Clock.systemUTC());
    }

    NumbersToGive(DirectoryApi directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public List<NumberToGive> of(Decision decision) {
        Instant now = clock.instant();
        Map<UUID, Optional<Organization>> organisations = new HashMap<>();
        List<NumberToGive> numbers = new ArrayList<>();
        for (Decision.Referral referral : decision.referrals()) {
            Optional<Organization> organisation = organisations.computeIfAbsent(referral.organizationId(),
                    this::lookUp);
            Optional<Organization.Service> service = organisation.flatMap(o -> serviceOf(o, referral));
            if (service.isEmpty() || service.get().hours() == null) {
                numbers.add(new NumberToGive(referral, null, null, null));
                continue;
            }
            Organization.Hours hours = service.get().hours();
            ZoneId zone = ZoneId.of(hours.timeZone());
            numbers.add(new NumberToGive(referral, openingHours(hours, zone).isOpenAt(now), hours.timeZone(),
                    LOCAL_TIME.format(now.atZone(zone))));
        }
        return numbers;
    }

    private Optional<Organization> lookUp(UUID id) {
        try {
            return Optional.of(directory.organization(id));
        } catch (WebApplicationException | ProcessingException e) {
            // The numbers are still shown, without "open now", rather than hiding them from a caller in need.
            LOG.warnf("Directory could not give the hours of organisation %s: %s", id, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** The service the referral's number belongs to (same phone), else the one covering its need. */
    private static Optional<Organization.Service> serviceOf(Organization organisation, Decision.Referral referral) {
        List<Organization.Service> services = organisation.services() == null ? List.of() : organisation.services();
        return services.stream().filter(s -> referral.phone() != null && referral.phone().equals(s.phone()))
                .findFirst()
                .or(() -> services.stream().filter(s -> s.needs() != null && referral.need() != null
                        && s.needs().contains(referral.need().name())).findFirst());
    }

    static OpeningHours openingHours(Organization.Hours hours, ZoneId zone) {
        List<WeeklyHours> weekly = new ArrayList<>();
        for (Organization.Weekly w : hours.weekly() == null ? List.<Organization.Weekly>of() : hours.weekly()) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            w.days().forEach(d -> days.add(DAYS.get(d)));
            weekly.add(new WeeklyHours(days, LocalTime.parse(w.opens()), LocalTime.parse(w.closes())));
        }
        return new OpeningHours(zone, hours.open24h(), weekly,
                hours.closedDates() == null ? Set.of() : hours.closedDates());
    }
}
