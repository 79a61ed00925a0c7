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
        switch (constant) {
            case "TRAINING_TA":
                return "Training and technical assistance";
            case "UNDER_12":
                return "Under 12";
            case "AGE_12_17":
                return "12 to 17";
            case "AGE_18_24":
                return "18 to 24";
            default:
                break;
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
