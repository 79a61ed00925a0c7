package org.hotline.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;
import org.hotline.contracts.Topics;

/**
 * A real Apache Kafka broker in KRaft mode (one combined broker and controller), run as its own JVM process from
 * Kafka's jars on this launcher's class path, with its log in a folder that survives restarts. Its own process so it
 * can be stopped, killed and restarted like a real broker.
 */
public final class LocalKafka implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private final int controllerPort;
    private final Path logFile;
    private Process process;

    public LocalKafka(Path dataDirectory, int port, int controllerPort, Path logFile) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.logFile = logFile;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Formats the log directory on first use, starts the broker, waits for it and creates the topics. */
    public LocalKafka start(Duration timeout) throws IOException, InterruptedException {
        Files.createDirectories(dataDirectory);
        Path config = writeConfig();
        if (!Files.exists(dataDirectory.resolve("logs").resolve("meta.properties"))) {
            format(config);
        }
        process = java("kafka.Kafka", config.toString()).start();
        waitForPort(timeout);
        TopicAdmin.ensureTopics(bootstrapServers(), Topics.ALL, (short) 1);
        return this;
    }

    private Path writeConfig() throws IOException {
        Path config = dataDirectory.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "# Written by the local stack at every start; edit LocalKafka.java instead.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDirectory.resolve("logs").toAbsolutePath(),
                "num.partitions=" + Topics.DEFAULT_PARTITIONS,
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""));
        return config;
    }

    private void format(Path config) throws IOException, InterruptedException {
        Process format = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", config.toString()).start();
        if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
            throw new IllegalStateException("Formatting the Kafka log directory failed; see " + logFile);
        }
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    }

    private void waitForPort(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited with " + process.exitValue() + "; see "
                        + logFile);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("localhost", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("The Kafka broker did not listen on " + port + " within " + timeout);
    }

    /** The broker's process, for fault tests that kill it. */
    public Process process() {
        return process;
    }

    /** SIGKILL: the broker dies as in a crash, without a controlled shutdown. {@link #start} brings it back. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        ServiceProcess.stop(process, Duration.ofSeconds(30));
    }
}
