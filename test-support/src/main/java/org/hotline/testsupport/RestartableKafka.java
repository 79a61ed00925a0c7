package org.hotline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.hotline.local.LocalKafka;

/**
 * A Kafka broker in its own process on a fixed port, for fault tests that kill it (SIGKILL) and start it again on the
 * same port and log directory. Use it from a test profile ({@code QuarkusTestProfile#testResources}); its
 * {@code kafka.bootstrap.servers} overrides the shared in-JVM broker's because it starts after it.
 */
public class RestartableKafka implements QuarkusTestResourceLifecycleManager {

    private static LocalKafka broker;

    public static LocalKafka broker() {
        return broker;
    }

    @Override
    public Map<String, String> start() {
        try {
            Path data = Files.createTempDirectory("hotline-restartable-kafka-");
            broker = new LocalKafka(data.resolve("kafka"), freePort(), freePort(), data.resolve("kafka.log"))
                    .start(Duration.ofMinutes(2));
            return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Kills the broker, runs the outage, and starts the broker again on the same port and data. */
    public static void outage(Runnable duringOutage) throws InterruptedException, IOException {
        broker.kill();
        duringOutage.run();
        broker.start(Duration.ofMinutes(2));
    }

    @Override
    public void stop() {
        try {
            if (broker != null) {
                broker.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int order() {
        // After HotlineInfrastructure (order 0), so this broker's address is the one the service gets.
        return 100;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
