package org.hotline.console.rest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** How the pages spell the vocabulary and times: IMMINENT_DANGER reads "Imminent danger". */
@TemplateExtension
public final class Labels {

    /** The hotline's own clock (DESIGN §6): times are shown in Eastern time, with the zone named. */
    public static final ZoneId HOTLINE_ZONE = ZoneId.of("America/New_York");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm z",
            Locale.ENGLISH);

    private Labels() {
    }

    public static String label(Enum<?> value) {
        return value == null ? "—" : label(value.name());
    }

    public static String label(String constant) {
        if (constant == null || constant.isBlank()) {
            return "—";
        }
        if (constant.equals("TRAINING_TA")) {
            return "Training and technical assistance";
        }
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public static String shown(Instant t) {
        return t == null ? "—" : SHOWN.format(t.atZone(HOTLINE_ZONE));
    }

    public static String shown(OffsetDateTime t) {
        return t == null ? "—" : SHOWN.format(t.atZoneSameInstant(HOTLINE_ZONE));
    }
}
