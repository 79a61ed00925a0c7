package org.hotline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets of the local run, made on first start and kept in the data folder's {@code keys/} (owner-only files), so
 * data sealed before a restart opens after it. Production takes them from a secret store instead.
 */
public final class LocalSecrets {

    private LocalSecrets() {
    }

    /** The id of intake's key-encryption key in the local run. */
    public static final String KEK_ID = "local-1";

    /** Intake's key-encryption key (32 random bytes, Base64). */
    public static String keyEncryptionKey(Path keysFolder) {
        return randomKey(keysFolder.resolve("intake-kek-" + KEK_ID + ".base64"));
    }

    /** The key routing-service seals partner webhooks' signing secrets with (32 random bytes, Base64). */
    public static String webhookSecretsKey(Path keysFolder) {
        return randomKey(keysFolder.resolve("routing-webhooks-" + KEK_ID + ".base64"));
    }

    /** The key in {@code file}, made at random the first time. */
    private static String randomKey(Path file) {
        Path keysFolder = file.getParent();
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(keysFolder);
                writeOwnerOnly(file, Base64.getEncoder().encodeToString(key));
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file only its owner can read, atomically. */
    static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
