package org.hotline.local;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** One packaged Quarkus service run as its own process, with its output in a log file. */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration RECORDING_GRACE = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path logFile;
    private final Process process;
    private final Instant startedAt;
    /** The class-data cache it uses or records, or null when its JVM keeps none. */
    private final ClassDataCache classData;

    private ServiceProcess(String name, int port, Path logFile, Process process, Instant startedAt,
            ClassDataCache classData) {
        this.name = name;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
        this.startedAt = startedAt;
        this.classData = classData;
        // However the process ends (stopped here, killed by a test, or exiting by itself), a recording it wrote is
        // moved into place or removed.
        if (classData != null) {
            process.onExit().thenAccept(exited -> classData.finish(exited.exitValue()));
        }
    }

    /**
     * Starts {@code <module>/target/quarkus-app/quarkus-run.jar} on {@code jvm} with the given configuration as
     * system properties.
     */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> config,
            ServiceJvm jvm, Path logFile) throws IOException {
        return start(name, jar, port, config, Map.of(), jvm, logFile);
    }

    /**
     * As above, plus secrets (keys, passwords): those go to an owner-only properties file beside the log, never onto
     * the command line, where any user of the machine could read them in the process list.
     */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> config,
            Map<String, String> secrets, ServiceJvm jvm, Path logFile) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        ClassDataCache classData = jvm.classDataCache() ? ClassDataCache.of(jar, jvm) : null;
        List<String> command = new ArrayList<>();
        command.add(jvm.java().toString());
        command.addAll(jvm.options());
        if (classData != null) {
            command.addAll(classData.jvmOptions());
        }
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=localhost");
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        if (!secrets.isEmpty()) {
            Path secretsFile = writeSecrets(logFile.resolveSibling(name + "-secrets.properties"), secrets);
            command.add("-Dquarkus.config.locations=" + secretsFile.toUri());
        }
        command.add("-jar");
        command.add(jar.toString());
        Instant startedAt = Instant.now();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        return new ServiceProcess(name, port, logFile, process, startedAt, classData);
    }

    private static Path writeSecrets(Path file, Map<String, String> secrets) throws IOException {
        Properties properties = new Properties();
        // Above the service's own application.properties, like the system properties the rest of its config uses.
        properties.setProperty("config_ordinal", "400");
        properties.putAll(secrets);
        StringWriter text = new StringWriter();
        properties.store(text, "Secrets of the local run; owner-only");
        Files.deleteIfExists(file);
        LocalSecrets.writeOwnerOnly(file, text.toString());
        return file;
    }

    /** Waits until {@code /q/health/ready} answers 200; returns how long the service took from its start. */
    public Duration awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.between(startedAt, Instant.now());
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            // Often enough that the time measured is the service's, not the poll's (the benchmark prints it).
            Thread.sleep(50);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + logFile);
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Process process() {
        return process;
    }

    /** The class-data cache this process uses or records, e.g. "AOT cache in use", or "none". */
    public String classDataCache() {
        return classData == null ? "none" : classData.describe();
    }

    public Path logFile() {
        return logFile;
    }

    public int port() {
        return port;
    }

    /** SIGKILL: the process dies as in a crash, without running its shutdown. */
    public void kill() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
        finishClassData();
    }

    /** Once the process has exited: its class-data recording, if any, is kept or removed now, not later. */
    private void finishClassData() {
        if (classData != null && !process.isAlive()) {
            classData.finish(process.exitValue());
        }
    }

    /**
     * SIGTERM and wait up to {@code grace} for a graceful exit (longer while the process records its class-data
     * cache, which the JVM writes as it exits: see {@link #closeAll}); SIGKILL after that. Returns the exit code: 143
     * (or 0) after a graceful shutdown of a JVM, 137 when it had to be killed.
     */
    public int terminate(Duration grace) throws InterruptedException {
        stop(process, recordsClassData() && grace.compareTo(RECORDING_GRACE) < 0 ? RECORDING_GRACE : grace);
        int exit = process.waitFor();
        finishClassData();
        return exit;
    }

    private boolean recordsClassData() {
        return classData != null && classData.recording();
    }

    /**
     * SIGSTOP: the process is frozen where it stands (its connections stay open, its threads run no further) until
     * {@link #thaw()}. Tests use it to leave work to another instance alone, by construction rather than by timing.
     */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT: a frozen process runs on. */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException(this.name + " is not running");
        }
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .redirectErrorStream(true).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + name + " " + this.name + " failed");
        }
    }

    /** Resident set size of the process in KiB (Linux {@code /proc}), or -1 when it cannot be read. */
    public long rssKiB() {
        return rssKiB(process.pid());
    }

    /** Resident set size of any process of this machine in KiB (Linux {@code /proc}), or -1 when unknown. */
    public static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException | java.io.UncheckedIOException e) {
            // Not Linux, or the process has gone.
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        closeAll(List.of(this));
    }

    /**
     * Stops the processes together: each gets SIGTERM at once, then each is waited for within its grace period
     * (30 s, or 3 minutes while it records its class-data cache, which the JVM writes as it exits) and killed after
     * it. Together, so that four services stopping on two cores take the time of the slowest, not of all in turn.
     */
    public static void closeAll(List<ServiceProcess> processes) throws InterruptedException {
        for (ServiceProcess p : processes) {
            if (p.process.isAlive()) {
                // A frozen process would hold its SIGTERM until the grace period ran out.
                try {
                    p.thaw();
                } catch (IOException | IllegalStateException gone) {
                    // Exited meanwhile.
                }
                p.process.destroy();
            }
        }
        for (ServiceProcess p : processes) {
            Duration grace = p.recordsClassData() ? RECORDING_GRACE : GRACE;
            if (p.process.isAlive() && !p.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                p.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            p.finishClassData();
        }
    }

    /** SIGTERM, so the process shuts down gracefully; SIGKILL if it has not exited within the grace period. */
    static void stop(Process process, Duration grace) throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
