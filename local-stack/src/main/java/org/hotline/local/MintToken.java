package org.hotline.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * Prints a bearer token for the local run: {@code ./mint-token.sh agent}, {@code ./mint-token.sh partner
 * --organization=<id>}. Options: {@code --subject=<name>} (default: the role), {@code --minutes=<lifetime>} (default
 * 60), {@code --data=<folder>} (default ./data, the local run's data folder, whose {@code keys/} it signs with).
 */
public final class MintToken {

    private MintToken() {
    }

    public static void main(String[] args) {
        String role = null;
        String subject = null;
        UUID organization = null;
        long minutes = 60;
        Path data = Path.of("data");
        for (String arg : args) {
            if (arg.startsWith("--organization=")) {
                organization = UUID.fromString(arg.substring("--organization=".length()));
            } else if (arg.startsWith("--subject=")) {
                subject = arg.substring("--subject=".length());
            } else if (arg.startsWith("--minutes=")) {
                minutes = Long.parseLong(arg.substring("--minutes=".length()));
            } else if (arg.startsWith("--data=")) {
                data = Path.of(arg.substring("--data=".length()));
            } else if (!arg.startsWith("--") && role == null) {
                role = arg;
            } else {
                usage("Unknown option " + arg);
            }
        }
        if (role == null) {
            usage("Which role? One of " + TokenMinter.ROLES);
        }
        try {
            SigningKeys keys = SigningKeys.loadOrCreate(data.resolve("keys"));
            System.out.println(keys.minter().mint(subject == null ? role : subject, role, organization,
                    Duration.ofMinutes(minutes)));
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("Usage: ./mint-token.sh <agent|supervisor|partner|admin> [--organization=<uuid>]"
                + " [--subject=<name>] [--minutes=60] [--data=./data]");
        System.exit(2);
    }
}
