package org.hotline.intake.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Intake settings under {@code hotline.intake}. */
@ConfigMapping(prefix = "hotline.intake")
public interface IntakeConfig {

    FollowUpCode followUpCode();

    Submissions submissions();

    Form form();

    Encryption encryption();

    Retention retention();

    /**
     * Envelope encryption of personal data. Each contact gets its own data key, wrapped by the current key-encryption
     * key (KEK). To rotate: add a new key under {@code keys}, make it {@code current-key} (new contacts use it at
     * once), let the rotation re-wrap the older data keys (or ask {@code POST /api/v1/admin/encryption/rotation}),
     * and remove the old key when {@code GET /api/v1/admin/encryption} shows none left under it. No downtime: every
     * configured key still unwraps.
     */
    interface Encryption {

        /** Id of the KEK that wraps new data keys; it must be one of {@link #keys()}. */
        String currentKey();

        /** KEKs by id: 32 random bytes, Base64 ({@code openssl rand -base64 32}), from a secret store, never from git. */
        Map<String, String> keys();

        /** How often data keys still under an old KEK are re-wrapped in the background. */
        @WithDefault("1m")
        Duration rotationInterval();

        /** Data keys re-wrapped per transaction. */
        @WithDefault("500")
        int rotationBatchSize();
    }

    /** How long the personal data of closed contacts is kept before it is shredded. */
    interface Retention {

        /** Time after closure; the contact's non-personal facts (reference, type, times) remain for statistics. */
        @WithDefault("365d")
        Duration closedContacts();

        /** How often the purge looks for contacts past their retention. */
        @WithDefault("1h")
        Duration purgeInterval();
    }

    /** How many tips one client may submit, through the form or the API. */
    interface Submissions {

        @WithDefault("10")
        int perClient();

        @WithDefault("10m")
        Duration window();
    }

    /** The public tip form. */
    interface Form {

        /**
         * Key that signs the form's anti-forgery tokens. Set the same value on every instance in production; without
         * it each instance makes a random one at start, and forms served before a restart must be reloaded.
         */
        Optional<String> csrfSecret();
    }

    /** Anonymous reporters' follow-up codes. */
    interface FollowUpCode {

        /** Wrong codes allowed per reference within {@link #failureWindow()} before answers become 429. */
        @WithDefault("5")
        int maxFailures();

        /**
         * Wrong codes allowed per client address within {@link #failureWindow()}, whatever the references, before its
         * attempts answer 429: one client cannot try a code on many references. Counted per instance, in memory.
         */
        @WithDefault("20")
        int maxFailuresPerClient();

        /** How long a wrong code counts; failures older than this are purged. */
        @WithDefault("15m")
        Duration failureWindow();

        /** How often wrong codes past the window are deleted. */
        @WithDefault("5m")
        Duration purgeInterval();
    }
}
