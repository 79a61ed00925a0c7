package org.hotline.local;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The local run's sign-in secrets, made once per data folder and kept owner-only in {@code keys/identity.properties}:
 * one demo user per role and their passwords (printed at start-up), the console's OIDC client secret (which also
 * encrypts its session cookie and signs its CSRF tokens) and Keycloak's bootstrap administrator. Random, so that no
 * two machines share a password and none is in the repository.
 */
public final class IdentitySecrets {

    /** The demo users, one per role, named after it (the realm file creates them). */
    public static final List<String> DEMO_USERS = List.of("agent", "supervisor", "admin", "partner");
    /** The demo partner's organisation: the National Human Trafficking Resource Center of the seeded directory. */
    public static final String DEMO_PARTNER_ORGANIZATION = "5eed0000-0000-4000-8000-018883737888";
    public static final String KEYCLOAK_ADMIN = "kcadmin";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> values;

    private IdentitySecrets(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static IdentitySecrets loadOrCreate(Path keysFolder) {
        Path file = keysFolder.resolve("identity.properties");
        try {
            Files.createDirectories(keysFolder);
            Properties properties = new Properties();
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    properties.load(in);
                }
            }
            Map<String, String> values = new LinkedHashMap<>();
            boolean changed = false;
            for (String key : keys()) {
                String value = properties.getProperty(key);
                if (value == null || value.isBlank()) {
                    value = random(key.equals("console.client-secret") ? 32 : 12);
                    changed = true;
                }
                values.put(key, value);
            }
            if (changed) {
                Properties out = new Properties();
                out.putAll(values);
                StringWriter text = new StringWriter();
                out.store(text, "Sign-in secrets of the local run (demo users, console client); owner-only");
                Files.deleteIfExists(file);
                LocalSecrets.writeOwnerOnly(file, text.toString());
            }
            return new IdentitySecrets(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> keys() {
        List<String> keys = new java.util.ArrayList<>();
        DEMO_USERS.forEach(user -> keys.add("password." + user));
        keys.add("console.client-secret");
        keys.add("keycloak.admin-password");
        return keys;
    }

    /** The demo user's password; the user's name is its role. */
    public String password(String user) {
        String password = values.get("password." + user);
        if (password == null) {
            throw new IllegalArgumentException("No demo user " + user + "; known: " + DEMO_USERS);
        }
        return password;
    }

    public String consoleClientSecret() {
        return values.get("console.client-secret");
    }

    public String keycloakAdminPassword() {
        return values.get("keycloak.admin-password");
    }

    /** URL-safe random text of {@code bytes} bytes (16 characters for 12 bytes, 43 for 32). */
    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
