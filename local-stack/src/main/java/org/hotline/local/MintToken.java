package org.hotline.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * Prints a bearer token for the local run: {@code ./mint-token.sh agent}, {@code ./mint-token.sh partner
 * --organization=<id>}. Options: {@code --subject=<name>} (default: the role), {@code --minutes=<lifetime>} (default
 * 60), {@code --data=<folder>} (default ./data, the local run's data folder, whose {@code keys/} it signs with).
 * When that run's services trust Keycloak (its default), the token is instead the role's demo user's, from Keycloak
 * ({@link KeycloakTokens}): the services then verify it exactly as they verify the console's.
 */
public final class MintToken {

    private MintToken() {
    }

    public static void main(String[] args) {
        String role = null;
        String subject = null;
        UUID organization = null;
        long minutes = 60;
        boolean minutesGiven = false;
        Path data = Path.of("data");
        for (String arg : args) {
            if (arg.startsWith("--organization=")) {
                organization = UUID.fromString(arg.substring("--organization=".length()));
            } else if (arg.startsWith("--subject=")) {
                subject = arg.substring("--subject=".length());
            } else if (arg.startsWith("--minutes=")) {
                minutes = Long.parseLong(arg.substring("--minutes=".length()));
                minutesGiven = true;
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
        java.util.Optional<String> keycloak = SignInFile.tokenUrl(data.resolve("keys"));
        if (keycloak.isPresent()) {
            // The services trust Keycloak: the token is the demo user's of that role, from Keycloak itself.
            if (subject != null || minutesGiven) {
                usage("With Keycloak the token is the demo user's: --subject and --minutes do not apply (its "
                        + "lifetime is the realm's, 60 minutes for the hotline-cli client)");
            }
            if (organization != null && !organization.toString().equals(IdentitySecrets.DEMO_PARTNER_ORGANIZATION)) {
                usage("The demo partner belongs to " + IdentitySecrets.DEMO_PARTNER_ORGANIZATION + "; add a user with "
                        + "another organization_id in Keycloak's admin console for another organisation");
            }
            try {
                System.out.println(new KeycloakTokens(keycloak.get(), IdentitySecrets.loadOrCreate(data.resolve("keys")))
                        .forRole(role));
            } catch (IllegalArgumentException | IllegalStateException e) {
                System.err.println(e.getMessage());
                System.exit(1);
            }
            return;
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
