package org.hotline.routing.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.hotline.contracts.vocabulary.Audience;
import org.hotline.contracts.vocabulary.CallType;
import org.hotline.contracts.vocabulary.CallerType;
import org.hotline.contracts.vocabulary.Indicator;
import org.hotline.contracts.vocabulary.Need;

/** The routing rules' data (DESIGN §5 defaults); change them in configuration, no rebuild needed. */
@ConfigMapping(prefix = "hotline.routing")
public interface RoutingConfig {

    /** Call types that are always urgent. */
    @WithDefault("CRISIS")
    Set<CallType> urgentCallTypes();

    /** Indicators that make any contact urgent. */
    @WithDefault("IMMINENT_DANGER,MEDICAL_EMERGENCY,NEEDS_WITHIN_24H,MINOR_INVOLVED")
    Set<Indicator> urgentIndicators();

    /** Call types a caller may mark urgent. */
    @WithDefault("TRAINING_TA,REFERRAL_REQUEST")
    Set<CallType> callerMayMarkUrgent();

    /** Indicators that mean: tell the caller to dial 911. */
    @WithDefault("IMMINENT_DANGER,MEDICAL_EMERGENCY")
    Set<Indicator> emergencyIndicators();

    /** How long a partner has to acknowledge an URGENT referral before it is escalated, e.g. 15m. */
    @WithDefault("15m")
    Duration acknowledgementTimeout();

    /** The sweep that escalates unacknowledged urgent referrals. */
    Escalation escalation();

    interface Escalation {

        /**
         * How often each instance sweeps, e.g. 5s (Quarkus' scheduler: at least 1s; {@code off} stops the sweep on
         * this instance). Several instances may sweep at once: each referral is claimed by one.
         */
        @WithDefault("5s")
        String every();

        /** Referrals claimed per transaction. */
        @WithDefault("100")
        int batchSize();
    }

    /** Signed webhooks to partners' HTTPS endpoints (README "Partner webhooks"). */
    Webhooks webhooks();

    interface Webhooks {

        /**
         * How often each instance looks for subscriptions with something to deliver, e.g. 1s (Quarkus' scheduler: at
         * least 1s; {@code off} stops delivery on this instance). Several instances may run: each subscription is
         * leased by one at a time.
         */
        @WithDefault("1s")
        String pollEvery();

        /** Subscriptions delivered at the same time by one instance: one slow endpoint holds one of them only. */
        @WithDefault("8")
        int concurrency();

        /** Events one lease delivers before the subscription goes back in line behind the others. */
        @WithDefault("50")
        int batchSize();

        /** The longest one delivery may take, connecting included; longer is a failed attempt. */
        @WithDefault("5s")
        Duration timeout();

        /** How long a lease on a subscription lasts; renewed with every delivery, so it must exceed the timeout. */
        @WithDefault("1m")
        Duration lease();

        /**
         * Whether loopback addresses (and then plain {@code http} to them) may be registered and delivered to: the
         * local run and the tests only; never in production (server-side request forgery).
         */
        @WithDefault("false")
        boolean allowLoopback();

        /** After a secret rotation, how long the previous secret still signs every delivery beside the new one. */
        @WithDefault("24h")
        Duration secretOverlap();

        /** Retries of a failed delivery: exponential backoff with full jitter, in order per subscription. */
        Retry retry();

        interface Retry {

            /** The first retry's backoff ceiling; each further failure doubles it, up to {@link #maxInterval()}. */
            @WithDefault("5s")
            Duration initialInterval();

            /** The longest wait between two attempts; a failing subscription keeps retrying at this interval. */
            @WithDefault("1h")
            Duration maxInterval();

            /** After failing this long, the subscription is marked FAILING (metric and alert); it keeps retrying. */
            @WithDefault("24h")
            Duration horizon();
        }

        /** How long delivery attempts (the deliveries log) and delivered events (for replay) are kept. */
        @WithDefault("7d")
        Duration retention();

        /** How often old delivery attempts and events are purged, e.g. 1h ({@code off}: never on this instance). */
        @WithDefault("1h")
        String purgeEvery();

        /** The keys that seal signing secrets at rest. */
        Encryption encryption();

        /**
         * AES-256 keys by id (32 random bytes, Base64: {@code openssl rand -base64 32}) from a secret store, as
         * intake's {@code hotline.intake.encryption}; secrets are sealed under {@link #currentKey()} and any configured
         * key still opens what it sealed. Without a key, registering a webhook answers 503 and nothing is delivered.
         */
        interface Encryption {

            Optional<String> currentKey();

            Map<String, String> keys();
        }
    }

    /** Partners that read their referral events from Kafka, each on a topic of its own (see {@link PartnerTopics}). */
    PartnerTopics partnerTopics();

    interface PartnerTopics {

        /**
         * Their organisation ids (UUIDs, as the directory has them), separated by commas or spaces; none by default.
         * Each one's referral events are published on {@code hotline.referrals.partner.<id>.v1} as well as on
         * {@code hotline.referrals.v1}; the deployment creates that topic and the partner's Kafka login.
         */
        Optional<List<String>> organizations();

        /**
         * How long start-up waits for those topics to exist (the deployment may still be creating them) before it
         * fails naming the missing ones, e.g. 1m.
         */
        @WithDefault("1m")
        Duration startupWait();
    }

    /** The directory read model and this instance's in-memory index of it. */
    Directory directory();

    interface Directory {

        /**
         * How often the index applies what changed in the table in the background, e.g. 1s (Quarkus' scheduler: at
         * least 1s; {@code off} stops it: the index is then brought up to date before each decision only).
         */
        @WithDefault("1s")
        String refreshEvery();

        /** The longest a rebuild from the topic may take; a longer one is rolled back and changes nothing. */
        @WithDefault("10m")
        Duration rebuildTimeout();
    }

    /**
     * Which contacts each audience admits, by the audience's name ({@code hotline.routing.audiences.YOUTH.needs=...}):
     * every {@code Audience} needs a rule; start-up fails naming any without one.
     */
    Map<String, AudienceAdmission> audiences();

    /** One audience's rule: any of these facts of a contact admits it (see {@code AudienceRule}). */
    interface AudienceAdmission {

        /** Needs that are about this audience, e.g. RUNAWAY_HOMELESS_YOUTH for YOUTH. */
        Optional<Set<Need>> needs();

        Optional<Set<Indicator>> indicators();

        Optional<Set<CallerType>> callerTypes();

        /** Age bands as spelled on the wire (UNDER_12, 12_17, 18_24, ADULT); a recorded band outside them refuses. */
        Optional<Set<String>> ageBands();

        /** Whether a law-enforcement referral (consent, a minor, imminent danger) admits the contact. */
        @WithDefault("false")
        boolean lawEnforcementReferral();
    }

    /**
     * Whether an organisation that lists the languages it serves admits only contacts whose recorded language is one of
     * them (law-enforcement referrals and the fallback lines are never held back by language).
     */
    @WithDefault("true")
    boolean matchLanguages();

    /**
     * The hotline's own 24-hour line that an urgent need falls back to when no open line admits the contact: the
     * name of one of the {@link #fallbackLines()}.
     */
    LastResort lastResort();

    interface LastResort {

        /** The key of a fallback line, e.g. {@code nhtrc}; {@code none} for no last resort (not recommended). */
        @WithDefault("nhtrc")
        String line();

        /** The need its referral is recorded under when an urgent contact names no need. */
        @WithDefault("CASE_MANAGEMENT")
        Need generalNeed();
    }

    /**
     * The 24-hour national lines referrals fall back to while the directory read model is empty, and that an urgent
     * need with no open, admitted target falls back to (DESIGN §5's key numbers), by any name; none configured means
     * no referrals then.
     */
    Map<String, FallbackLine> fallbackLines();

    interface FallbackLine {

        /** The organisation's id in the directory (the seed's fixed ids), as a UUID. */
        String organizationId();

        String name();

        String phone();

        /** The needs the line takes. */
        Set<Need> needs();

        /** e.g. YOUTH for a youth-only line. */
        Optional<Set<Audience>> audiences();
    }
}
