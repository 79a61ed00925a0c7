package org.hotline.system;

import java.nio.file.Files;
import java.nio.file.Path;

import org.hotline.local.FreePorts;
import org.hotline.local.LocalStack;
import org.hotline.local.ServiceProcess;
import org.hotline.local.StackOptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole system as the local run starts it (PostgreSQL, Kafka, the four services, the console and a real Keycloak),
 * started once for every system-test class that extends with it and stopped when the test run ends.
 *
 * <p>Starting the stack is most of a system test's time; the classes that need nothing of their own (no second broker,
 * no second instance) share this one. Their tests therefore assert on what they created themselves (their own
 * references, counts taken against the database), never on an empty system. Bearer tokens are Keycloak's: the services
 * verify them exactly as they verify the console's.
 */
public final class SharedSystem implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedSystem.class);

    private static volatile Running running;

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root store closes what it holds when the whole run is over, after the last class.
        running = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Running.class, type -> start(), Running.class);
    }

    /** The running stack; only inside a class extended with this extension. */
    public static LocalStack stack() {
        if (running == null) {
            throw new IllegalStateException("Extend the test class with @ExtendWith(SharedSystem.class)");
        }
        return running.stack();
    }

    /** A Keycloak access token of the demo user of {@code role}. */
    public static String token(String role) {
        return stack().keycloakTokens().forRole(role);
    }

    /** The folder the stack keeps its data and logs in. */
    public static Path data() {
        stack();
        return running.data();
    }

    private static Running start() {
        try {
            Path root = Path.of(System.getProperty("hotline.root", "..")).toAbsolutePath().normalize();
            Path data = Files.createDirectories(root.resolve("system-tests/target/system-"
                    + ProcessHandle.current().pid()));
            int[] ports = FreePorts.allocate(10);
            LocalStack stack = LocalStack.start(StackOptions.defaults(root).withDataDirectory(data)
                    .withPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6])
                    .withSignIn(new StackOptions.SignIn(ports[7], ports[8], ports[9])), System.out,
                    // Every test class sharing this system submits its tips from this one address: intake's per-client
                    // limit (10 per 10 minutes, tested in intake) would refuse the later classes' tips.
                    java.util.Map.of("intake-service", java.util.Map.of("hotline.intake.submissions.per-client",
                            "10000")));
            for (ServiceProcess service : stack.services()) {
                report(service.name(), stack, service.rssKiB());
            }
            report("console", stack, stack.console().rssKiB());
            report("keycloak", stack, stack.keycloak().rssKiB());
            return new Running(stack, data);
        } catch (Exception e) {
            throw new IllegalStateException("The shared system did not start: " + e, e);
        }
    }

    private static void report(String name, LocalStack stack, long rssKiB) {
        System.out.printf("[system-test] %-17s ready %5.1f s after start, RSS %d MiB%n", name,
                stack.readyAfter().get(name).toMillis() / 1000.0, rssKiB / 1024);
    }

    private record Running(LocalStack stack, Path data) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            System.out.printf("[system-test] at the end: console RSS %d MiB, keycloak RSS %d MiB%n",
                    stack.console().rssKiB() / 1024, stack.keycloak().rssKiB() / 1024);
            stack.close();
        }
    }
}
