package org.hotline.intake.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The tip form's words in each language it speaks, from {@code form/text_<lang>.properties}. English is the default;
 * a reader whose browser prefers Spanish gets Spanish.
 */
public final class FormText {

    public static final List<String> LANGUAGES = List.of("en", "es");

    private static final Map<String, Map<String, String>> TEXTS = LANGUAGES.stream()
            .collect(Collectors.toUnmodifiableMap(lang -> lang, FormText::load));

    private FormText() {
    }

    public static Map<String, String> of(String language) {
        return TEXTS.get(language);
    }

    /** The explicit choice if it is one we speak, else the first we speak from Accept-Language, else English. */
    public static String choose(String requested, String acceptLanguage) {
        if (requested != null && LANGUAGES.contains(requested)) {
            return requested;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String lang = range.getRange().split("-")[0].toLowerCase(Locale.ROOT);
                    if (LANGUAGES.contains(lang)) {
                        return lang;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // A malformed header gets the default language.
            }
        }
        return "en";
    }

    private static Map<String, String> load(String language) {
        String resource = "form/text_" + language + ".properties";
        try (InputStream in = FormText.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties.stringPropertyNames().stream()
                    .collect(Collectors.toUnmodifiableMap(k -> k, properties::getProperty));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
