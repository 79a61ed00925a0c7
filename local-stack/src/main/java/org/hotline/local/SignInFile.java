package org.hotline.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * {@code keys/sign-in.properties}: which authority the last local run's services trust, so that
 * {@code ./mint-token.sh} asks Keycloak for a demo user's token when they verify Keycloak's, and signs with the
 * development key when they verify that ({@code --sign-in=off}).
 */
final class SignInFile {

    private static final String NAME = "sign-in.properties";

    private SignInFile() {
    }

    static void write(Path keysFolder, String tokenUrl) {
        Path file = keysFolder.resolve(NAME);
        try {
            Files.createDirectories(keysFolder);
            if (tokenUrl == null) {
                Files.deleteIfExists(file);
            } else {
                Files.writeString(file, "# The services of the local run verify this realm's tokens\n"
                        + "token-url=" + tokenUrl + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keycloak's token endpoint, when the local run's services trust Keycloak. */
    static Optional<String> tokenUrl(Path keysFolder) {
        Path file = keysFolder.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.ofNullable(properties.getProperty("token-url"));
    }
}
