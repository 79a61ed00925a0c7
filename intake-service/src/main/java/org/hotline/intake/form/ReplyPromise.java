package org.hotline.intake.form;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hotline.intake.rest.client.FollowupClient;
import org.hotline.platform.SafeThrowables;
import org.jboss.logging.Logger;

/**
 * The reply date to promise a reporter: the breach time of followup-service's SLA quote, written in the reader's
 * language in Eastern time. When the quote cannot be had the form falls back to the plain promise of two to three
 * business days, so a submission never fails on it.
 */
@ApplicationScoped
public class ReplyPromise {

    private static final Logger LOG = Logger.getLogger(ReplyPromise.class);
    private static final ZoneId EASTERN = ZoneId.of("America/New_York");

    private final FollowupClient followups;

    public ReplyPromise(@RestClient FollowupClient followups) {
        this.followups = followups;
    }

    /** "Wednesday, November 25, 2026, 7:00 PM" in the locale, or empty when the quote is unavailable. */
    public Optional<String> replyBy(Instant receivedAt, Locale locale) {
        try {
            FollowupClient.Quote quote = followups.quote(receivedAt.toString());
            return Optional.of(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                    .withLocale(locale)
                    .format(quote.breachAt().atZoneSameInstant(EASTERN)));
        } catch (RuntimeException e) {
            LOG.warnf("SLA quote unavailable, promising two to three business days: %s", SafeThrowables.describe(e));
            return Optional.empty();
        }
    }
}
