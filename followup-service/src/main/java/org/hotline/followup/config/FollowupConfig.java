package org.hotline.followup.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Overrides of the follow-up SLA, under {@code hotline.followup}. Every SLA setting is optional: unset, it keeps the
 * hotline's promise from {@code SlaPolicy.hotlineDefault()} (target 20 and breach 30 business hours), so the defaults
 * live in one place. The business window it counts in is the shared {@code hotline.calendar.window.*} (platform's
 * {@code CalendarConfig}), the same one routing decides on. Operators change them without a rebuild.
 */
@ConfigMapping(prefix = "hotline.followup")
public interface FollowupConfig {

    /** How much business time staff have to reply. */
    Sla sla();

    /** The sweep that raises at-risk and breached events. */
    Deadlines deadlines();

    /** The backlog summary served by the API and the dashboard. */
    Backlog backlog();

    /**
     * Base URL of intake-service, where the dashboard links each follow-up's contact
     * ({@code <intake-url>/api/v1/contacts/{reference}}).
     */
    @WithDefault("http://localhost:8080")
    String intakeUrl();

    interface Sla {

        /** Business time until the reply is due ("two business days"), e.g. 20h; at risk after it. */
        Optional<Duration> target();

        /** Business time until the promise is broken ("three business days"), e.g. 30h. */
        Optional<Duration> breach();
    }

    interface Deadlines {

        /**
         * How often each instance sweeps for passed deadlines, e.g. 5s (Quarkus' scheduler: at least 1s; {@code off}
         * stops the sweep on this instance). Several instances may sweep at once: each follow-up is claimed by one.
         */
        @WithDefault("5s")
        String every();

        /** Follow-ups claimed per transaction. */
        @WithDefault("100")
        int batchSize();
    }

    interface Backlog {

        /**
         * How old a served backlog summary may be: each instance shares one count between the requests meanwhile
         * ({@code asOf} says when it was counted) and counts the next one ahead, in the background, once half of it
         * has passed. Above the dashboard's 10 s refresh, so a dashboard's poll never waits for a count. {@code 0s}
         * counts on every request.
         */
        @WithDefault("PT15S")
        Duration maxAge();
    }
}
