package org.hotline.local;

import java.io.IOException;
import java.io.InputStream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak, from its Maven Central distribution ({@code org.keycloak:keycloak-quarkus-dist}, unpacked into
 * {@code local-stack/target/keycloak} by the build), with the {@code hotline} realm imported: the local run's and the
 * browser tests' OpenID Connect provider.
 *
 * <p>The distribution is built once ({@code kc.sh build}: dev-file database, local caches, health) and every instance
 * starts {@code --optimized} from it. Each instance has a home folder of its own (the data folder's {@code keycloak/}
 * or a test's folder under target), linking to the distribution's {@code lib}, {@code conf}, {@code providers} and
 * {@code themes}, so its database and import stay with its data. It is started the way {@code kc.sh} starts it, by
 * java directly, so that it runs on the JDK chosen here (21 or later when one is installed) whatever the launcher runs
 * on, and so that its secrets travel in its environment, never on a command line.
 */
public final class LocalKeycloak implements AutoCloseable {

    public static final String REALM = "hotline";
    /** The JDK Keycloak 26 is supported on; an older one is used only when none is installed. */
    public static final int PREFERRED_JAVA = 21;
    public static final String JAVA_HOME_VARIABLE = "HOTLINE_KEYCLOAK_JAVA_HOME";
    /** Build-time options: a file database in the instance's home, caches in the process (no cluster), health. */
    static final List<String> BUILD_OPTIONS = List.of("--db=dev-file", "--cache=local", "--health-enabled=true");
    private static final List<String> JAVA_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:MetaspaceSize=96M",
            "-XX:MaxMetaspaceSize=256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.security=ALL-UNNAMED", "-Duser.language=en", "-Duser.country=US",
            "-Djava.util.concurrent.ForkJoinPool.common.threadFactory="
                    + "io.quarkus.bootstrap.forkjoin.QuarkusForkJoinWorkerThreadFactory",
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Dpicocli.disable.closures=true");
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Object BUILD_LOCK = new Object();

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path logFile;
    private final Instant startedAt;
    private final ServiceJvm jvm;

    private LocalKeycloak(Process process, int port, int managementPort, Path logFile, Instant startedAt,
            ServiceJvm jvm) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.logFile = logFile;
        this.startedAt = startedAt;
        this.jvm = jvm;
    }

    /** The distribution's version, as the build unpacked it. */
    public static String version() {
        try (InputStream in = LocalKeycloak.class.getResourceAsStream("/keycloak/keycloak.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("keycloak/keycloak.properties is missing from local-stack's jar", e);
        }
    }

    /** Where the build unpacked the distribution. */
    public static Path distribution(Path repositoryRoot) {
        return repositoryRoot.resolve("local-stack/target/keycloak/keycloak-" + version());
    }

    /** The JDK for Keycloak: {@value #JAVA_HOME_VARIABLE}, else the newest 21+ in /usr/lib/jvm, else this one. */
    public static ServiceJvm detectJvm() {
        String named = System.getenv(JAVA_HOME_VARIABLE);
        if (named != null && !named.isBlank()) {
            return ServiceJvm.of(Path.of(named));
        }
        return ServiceJvm.newestInstalled(Path.of("/usr/lib/jvm"), PREFERRED_JAVA)
                .orElseGet(() -> ServiceJvm.of(Path.of(System.getProperty("java.home"))));
    }

    /**
     * Starts Keycloak on {@code port} (management and health on {@code managementPort}) with its home in
     * {@code home}, building the distribution first if it has not been built with {@link #BUILD_OPTIONS}. Returns
     * at once; {@link #awaitReady} waits for it.
     *
     * @param consoleUrl the console's origin, for the console client's redirect URIs
     */
    public static LocalKeycloak start(Path distribution, Path home, int port, int managementPort, String consoleUrl,
            IdentitySecrets secrets, ServiceJvm jvm, Path logFile) throws IOException {
        if (!Files.isRegularFile(distribution.resolve("lib/quarkus-run.jar"))) {
            throw new IllegalStateException(distribution + " is missing: build first (./mvnw -DskipTests package"
                    + " unpacks Keycloak's distribution there)");
        }
        ensureBuilt(distribution, jvm, logFile);
        prepareHome(distribution, home);
        List<String> command = new ArrayList<>();
        command.add(jvm.java().toString());
        command.addAll(JAVA_OPTIONS);
        command.add("-Dkc.home.dir=" + home);
        command.add("-Djboss.server.config.dir=" + home.resolve("conf"));
        command.add("-cp");
        command.add(home.resolve("lib/quarkus-run.jar").toString());
        command.add("io.quarkus.bootstrap.runner.QuarkusEntryPoint");
        command.addAll(List.of("start", "--optimized", "--import-realm", "--http-enabled=true",
                "--http-host=localhost", "--http-port=" + port, "--hostname=http://localhost:" + port,
                "--http-management-port=" + managementPort));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        Map<String, String> env = builder.environment();
        // The realm file's placeholders; Keycloak replaces them from its environment while importing.
        env.put("HOTLINE_CONSOLE_URL", consoleUrl);
        env.put("HOTLINE_CONSOLE_CLIENT_SECRET", secrets.consoleClientSecret());
        for (String user : IdentitySecrets.DEMO_USERS) {
            env.put("HOTLINE_DEMO_PASSWORD_" + user.toUpperCase(), secrets.password(user));
        }
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", IdentitySecrets.KEYCLOAK_ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.keycloakAdminPassword());
        Instant startedAt = Instant.now();
        return new LocalKeycloak(builder.start(), port, managementPort, logFile, startedAt, jvm);
    }

    /** {@code kc.sh build}, once per distribution and set of build options, one build at a time across JVMs. */
    static void ensureBuilt(Path distribution, ServiceJvm jvm, Path logFile) throws IOException {
        Path marker = distribution.resolve("lib/quarkus/hotline-build-options.txt");
        String wanted = String.join(" ", BUILD_OPTIONS);
        synchronized (BUILD_LOCK) {
            try (FileChannel lockFile = FileChannel.open(distribution.resolve(".hotline-build.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = lockFile.lock()) {
                if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(wanted)) {
                    return;
                }
                List<String> command = new ArrayList<>();
                command.add(jvm.java().toString());
                command.addAll(JAVA_OPTIONS);
                command.add("-Dkc.home.dir=" + distribution);
                command.add("-Djboss.server.config.dir=" + distribution.resolve("conf"));
                command.add("-cp");
                command.add(distribution.resolve("lib/quarkus-run.jar").toString());
                command.add("io.quarkus.bootstrap.runner.QuarkusEntryPoint");
                command.add("build");
                command.addAll(BUILD_OPTIONS);
                Process build = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
                if (!build.waitFor(BUILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    build.destroyForcibly();
                    throw new IllegalStateException("Keycloak's build did not finish within " + BUILD_TIMEOUT
                            + "; see " + logFile);
                }
                if (build.exitValue() != 0) {
                    throw new IllegalStateException("Keycloak's build failed (" + build.exitValue() + "); see "
                            + logFile);
                }
                Files.writeString(marker, wanted + "\n", StandardCharsets.UTF_8);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while building Keycloak", e);
            }
        }
    }

    /** The instance's home: links to the distribution, its own data folder and the realm to import. */
    static void prepareHome(Path distribution, Path home) throws IOException {
        Files.createDirectories(home.resolve("data/import"));
        for (String shared : List.of("lib", "conf", "providers", "themes")) {
            Path link = home.resolve(shared);
            Path target = distribution.resolve(shared).toAbsolutePath();
            if (Files.isSymbolicLink(link) && !Files.readSymbolicLink(link).equals(target)) {
                Files.delete(link); // a rebuilt or upgraded distribution
            }
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, target);
            }
        }
        // Imported when the realm does not exist yet (Keycloak's IGNORE_EXISTING): a later change to the file needs a
        // fresh data folder, as a realm edited in Keycloak's admin console is kept across restarts.
        try (InputStream realm = LocalKeycloak.class.getResourceAsStream("/keycloak/hotline-realm.json")) {
            if (realm == null) {
                throw new IllegalStateException("keycloak/hotline-realm.json is missing from local-stack's jar");
            }
            Files.copy(realm, home.resolve("data/import/hotline-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Waits until Keycloak's readiness check answers 200 (the realm is imported by then). */
    public Duration awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.between(startedAt, Instant.now());
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Keycloak was not ready within " + timeout + "; see " + logFile);
    }

    /** The origin browsers and the console use, e.g. http://localhost:8180. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The realm's issuer, as tokens name it and the services verify it. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** The realm's JWK Set, which the services verify tokens against. */
    public String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public String tokenUrl() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    public Path logFile() {
        return logFile;
    }

    public ServiceJvm jvm() {
        return jvm;
    }

    public long rssKiB() {
        return ServiceProcess.rssKiB(process.pid());
    }

    @Override
    public void close() throws InterruptedException {
        ServiceProcess.stop(process, GRACE);
    }

    /** A path inside a data folder, absolute, for {@link #start}'s {@code home}. */
    public static Path homeIn(Path dataFolder) {
        return dataFolder.resolve("keycloak").toAbsolutePath();
    }

}
