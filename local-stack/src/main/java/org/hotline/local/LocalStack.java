package org.hotline.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The whole system on this machine, without Docker: PostgreSQL and a Kafka broker (both real, data kept under the
 * data folder so it survives restarts), then the four services as separate processes. {@link #main} is the README's
 * run command; the system tests start it too, on free ports and a temporary folder.
 */
public final class LocalStack implements AutoCloseable {

    /** Generous: on a busy machine (the system tests beside other builds) a first start took over four minutes. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(6);
    /** Keycloak's first start of a build also builds it (about a minute here, more on a busy machine). */
    private static final Duration KEYCLOAK_READY_TIMEOUT = Duration.ofMinutes(6);

    private final StackOptions options;
    private final LocalPostgres postgres;
    private final LocalKafka kafka;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, Duration> readyAfter = new LinkedHashMap<>();
    private final SigningKeys signingKeys;
    /** Extra configuration per service (module name to key/value), on top of what the stack sets. */
    private final Map<String, Map<String, String>> extraConfig;
    private final Path logs;
    /** Extra instances' names to their service module. */
    private final Map<String, String> instanceModules = new LinkedHashMap<>();
    /** The JVM the next service starts use: the options' until {@link #restartAll} names another. */
    private ServiceJvm serviceJvm;
    /** Keycloak, started (and built on first use) in the background while PostgreSQL, Kafka and the services start. */
    private final CompletableFuture<LocalKeycloak> keycloak;
    private final IdentitySecrets identitySecrets;
    private ServiceProcess console;

    private LocalStack(StackOptions options, LocalPostgres postgres, LocalKafka kafka,
            Map<String, Map<String, String>> extraConfig, Path logs, CompletableFuture<LocalKeycloak> keycloak,
            IdentitySecrets identitySecrets) {
        this.options = options;
        this.keycloak = keycloak;
        this.identitySecrets = identitySecrets;
        this.postgres = postgres;
        this.kafka = kafka;
        this.extraConfig = extraConfig;
        this.logs = logs;
        this.serviceJvm = options.serviceJvm();
        this.signingKeys = SigningKeys.loadOrCreate(options.dataDirectory().resolve("keys"));
    }

    public static LocalStack start(StackOptions options, PrintStream out) throws Exception {
        return start(options, out, Map.of());
    }

    /**
     * As {@link #start(StackOptions, PrintStream)}, with extra configuration for single services, e.g. for load
     * tests {@code Map.of("intake-service", Map.of("hotline.intake.submissions.per-client", "1000000"))}: only the
     * named service gets it, so a key one service maps does not trip the others' unknown-key check.
     */
    public static LocalStack start(StackOptions options, PrintStream out,
            Map<String, Map<String, String>> extraConfig) throws Exception {
        Path data = options.dataDirectory();
        Path logs = Files.createDirectories(data.resolve("logs"));
        out.println("Data and logs in " + data);
        out.println("Services on " + options.serviceJvm().describe());
        IdentitySecrets identitySecrets = options.signIn() == null ? null
                : IdentitySecrets.loadOrCreate(data.resolve("keys"));
        SignInFile.write(data.resolve("keys"), options.signIn() == null ? null
                : "http://localhost:" + options.signIn().keycloakPort() + "/realms/" + LocalKeycloak.REALM
                        + "/protocol/openid-connect/token");
        CompletableFuture<LocalKeycloak> keycloak = startKeycloak(options, identitySecrets, logs, out);
        LocalPostgres postgres;
        try {
            postgres = LocalPostgres.start(Files.createDirectories(data.resolve("postgres")), options.postgresPort());
        } catch (Exception e) {
            stopKeycloak(keycloak);
            throw e;
        }
        out.println("PostgreSQL ready on localhost:" + postgres.port());
        LocalKafka kafka;
        try {
            kafka = new LocalKafka(data.resolve("kafka"), options.kafkaPort(), options.controllerPort(),
                    logs.resolve("kafka.log")).start(Duration.ofMinutes(2));
        } catch (Exception e) {
            postgres.close();
            stopKeycloak(keycloak);
            throw e;
        }
        out.println("Kafka ready on " + kafka.bootstrapServers());
        LocalStack stack = new LocalStack(options, postgres, kafka, Map.copyOf(extraConfig), logs, keycloak,
                identitySecrets);
        try {
            stack.startServices();
        } catch (Exception e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /**
     * Builds (first time only) and starts Keycloak on a thread of its own, so that it starts beside PostgreSQL, Kafka
     * and the services instead of before them; nothing when sign-in is off.
     */
    private static CompletableFuture<LocalKeycloak> startKeycloak(StackOptions options, IdentitySecrets secrets,
            Path logs, PrintStream out) {
        StackOptions.SignIn signIn = options.signIn();
        if (signIn == null) {
            return CompletableFuture.completedFuture(null);
        }
        ServiceJvm jvm = LocalKeycloak.detectJvm();
        out.println("Keycloak " + LocalKeycloak.version() + " on Java " + jvm.featureVersion() + " (" + jvm.javaHome()
                + ")");
        return CompletableFuture.supplyAsync(() -> {
            try {
                return LocalKeycloak.start(LocalKeycloak.distribution(options.repositoryRoot()),
                        LocalKeycloak.homeIn(options.dataDirectory()), signIn.keycloakPort(),
                        signIn.keycloakManagementPort(), "http://localhost:" + signIn.consolePort(), secrets, jvm,
                        logs.resolve("keycloak.log"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static void stopKeycloak(CompletableFuture<LocalKeycloak> keycloak) throws InterruptedException {
        try {
            LocalKeycloak running = keycloak.join();
            if (running != null) {
                running.close();
            }
        } catch (java.util.concurrent.CompletionException failedToStart) {
            // Nothing to stop.
        }
    }

    /** Keycloak's issuer URL as the services verify it (it is known before Keycloak is up: its port is fixed). */
    private String keycloakIssuer() {
        return "http://localhost:" + options.signIn().keycloakPort() + "/realms/" + LocalKeycloak.REALM;
    }

    private void startServices() throws IOException, InterruptedException {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("directory-service", options.directoryPort());
        ports.put("routing-service", options.routingPort());
        ports.put("followup-service", options.followupPort());
        ports.put("intake-service", options.intakePort());
        for (Map.Entry<String, Integer> service : ports.entrySet()) {
            services.add(launch(service.getKey(), service.getKey(), service.getValue()));
        }
        if (options.signIn() != null && console == null) {
            console = launchConsole();
        }
        List<ServiceProcess> starting = new ArrayList<>(services);
        if (console != null) {
            starting.add(console);
        }
        readyAfter.clear();
        ExecutorService keycloakWait = Executors.newSingleThreadExecutor();
        try {
            Future<Duration> keycloakReady = keycloakWait.submit(() -> {
                LocalKeycloak running = keycloak.join();
                return running == null ? null : running.awaitReady(KEYCLOAK_READY_TIMEOUT);
            });
            readyAfter.putAll(awaitAllReady(starting));
            try {
                Duration after = keycloakReady.get();
                if (after != null) {
                    readyAfter.put("keycloak", after);
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure
                        : new IllegalStateException("Keycloak did not start", e.getCause());
            }
        } finally {
            keycloakWait.shutdownNow();
        }
    }

    /** The console: the sign-in service's URL and the four services' (it calls them as the signed-in person). */
    private ServiceProcess launchConsole() throws IOException {
        StackOptions.SignIn signIn = options.signIn();
        Path jar = options.repositoryRoot().resolve("console/target/quarkus-app/quarkus-run.jar");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.oidc.auth-server-url", keycloakIssuer());
        config.put("quarkus.rest-client.intake.url", "http://localhost:" + options.intakePort());
        config.put("quarkus.rest-client.directory.url", "http://localhost:" + options.directoryPort());
        config.put("quarkus.rest-client.routing.url", "http://localhost:" + options.routingPort());
        config.put("quarkus.rest-client.followup.url", "http://localhost:" + options.followupPort());
        // Plain HTTP on localhost: the cookies cannot be Secure-only here (they still are on HTTPS).
        config.put("quarkus.oidc.authentication.cookie-force-secure", "false");
        config.put("quarkus.rest-csrf.cookie-force-secure", "false");
        Map<String, String> secrets = Map.of(
                "quarkus.oidc.credentials.secret", identitySecrets.consoleClientSecret(),
                "quarkus.rest-csrf.token-signature-key", identitySecrets.consoleClientSecret());
        return ServiceProcess.start("console", jar, signIn.consolePort(), config, secrets, serviceJvm,
                logs.resolve("console.log"));
    }

    /**
     * Waits for every service at once, each on its own thread, so that each one's time to ready is when it became
     * ready, not when a wait for the ones before it ended.
     */
    private static Map<String, Duration> awaitAllReady(List<ServiceProcess> starting) throws InterruptedException {
        ExecutorService waiters = Executors.newFixedThreadPool(starting.size());
        try {
            Map<String, Future<Duration>> waits = new LinkedHashMap<>();
            for (ServiceProcess service : starting) {
                waits.put(service.name(), waiters.submit(() -> service.awaitReady(READY_TIMEOUT)));
            }
            Map<String, Duration> ready = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Duration>> wait : waits.entrySet()) {
                try {
                    ready.put(wait.getKey(), wait.getValue().get());
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException failure ? failure
                            : new IllegalStateException(wait.getKey() + " did not start", e.getCause());
                }
            }
            return ready;
        } finally {
            waiters.shutdownNow();
        }
    }

    /**
     * Stops every service (extra instances too) and starts the four again together on {@code jvm}, which later
     * restarts keep using; returns each one's time from its process start to ready. The start-up benchmark's "all
     * four at once".
     */
    public Map<String, Duration> restartAll(ServiceJvm jvm) throws IOException, InterruptedException {
        ServiceProcess.closeAll(services);
        services.clear();
        instanceModules.clear();
        serviceJvm = jvm;
        startServices();
        return readyAfter();
    }

    /**
     * Stops one service gracefully and starts it again on {@code jvm} while the others run on; returns its time from
     * its process start to ready. The start-up benchmark's "one service alone".
     */
    public Duration restartAlone(String name, ServiceJvm jvm) throws IOException, InterruptedException {
        ServiceProcess old = service(name);
        old.close();
        ServiceProcess started = launch(moduleOf(name), name, old.port(), jvm);
        services.set(services.indexOf(old), started);
        return started.awaitReady(READY_TIMEOUT);
    }

    /** Starts one process of a service module as {@code instance} (its log is {@code <instance>.log}). */
    private ServiceProcess launch(String module, String instance, int port) throws IOException {
        return launch(module, instance, port, serviceJvm);
    }

    private ServiceProcess launch(String module, String instance, int port, ServiceJvm jvm) throws IOException {
        Path jar = options.repositoryRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        Map<String, String> config = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        if (options.signIn() != null) {
            // Bearer tokens are Keycloak's, verified against its realm's JWK Set (fetched when the first token comes).
            config.put("mp.jwt.verify.publickey.location", keycloakIssuer() + "/protocol/openid-connect/certs");
            config.put("mp.jwt.verify.issuer", keycloakIssuer());
        } else {
            // Bearer tokens are verified against the development issuer's public keys (tests mint them).
            config.put("mp.jwt.verify.publickey.location", signingKeys.jwksLocation());
            config.put("mp.jwt.verify.issuer", SigningKeys.DEV_ISSUER);
        }
        if (module.equals("intake-service")) {
            secrets.put("hotline.intake.encryption.current-key", LocalSecrets.KEK_ID);
            secrets.put("hotline.intake.encryption.keys." + LocalSecrets.KEK_ID,
                    LocalSecrets.keyEncryptionKey(options.dataDirectory().resolve("keys")));
            // The form's reply date and a contact's state come from followup-service and routing-service.
            config.put("quarkus.rest-client.followup.url", "http://localhost:" + options.followupPort());
            config.put("quarkus.rest-client.routing.url", "http://localhost:" + options.routingPort());
        }
        if (module.equals("routing-service")) {
            // Partner webhooks: their signing secrets are sealed with a local key; a demo receiver on this machine
            // may be registered over plain http (loopback only; never allowed in production).
            secrets.put("hotline.routing.webhooks.encryption.current-key", LocalSecrets.KEK_ID);
            secrets.put("hotline.routing.webhooks.encryption.keys." + LocalSecrets.KEK_ID,
                    LocalSecrets.webhookSecretsKey(options.dataDirectory().resolve("keys")));
            config.put("hotline.routing.webhooks.allow-loopback", "true");
        }
        if (module.equals("directory-service")) {
            // A demo machine: loading the generated directory (fictional organisations) is allowed here, and only
            // where it is switched on like this.
            config.put("hotline.directory.generator.enabled", "true");
        }
        if (module.equals("followup-service")) {
            // A completion's note is kept on the contact by intake-service.
            config.put("quarkus.rest-client.intake.url", "http://localhost:" + options.intakePort());
        }
        config.putAll(extraConfig.getOrDefault(module, Map.of()));
        return ServiceProcess.start(instance, jar, port, config, secrets, jvm,
                logs.resolve(instance + ".log"));
    }

    /** The running process of a service (or of an extra instance, by its instance name). */
    public ServiceProcess service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name));
    }

    /**
     * Starts a service again on its port and configuration after it was killed or stopped (fault tests), and waits
     * until it is ready. Its log continues in the same file.
     */
    public ServiceProcess restart(String name) throws IOException, InterruptedException {
        ServiceProcess old = service(name);
        if (old.process().isAlive()) {
            throw new IllegalStateException(name + " is still running; stop or kill it first");
        }
        String module = moduleOf(name);
        ServiceProcess started = launch(module, name, old.port());
        services.set(services.indexOf(old), started);
        started.awaitReady(READY_TIMEOUT);
        return started;
    }

    /**
     * Starts one more instance of a service module on a free port (same database, broker and configuration), e.g.
     * {@code startInstance("routing-service", "routing-service-2")} to scale out, and waits until it is ready. It is
     * stopped with the stack unless stopped before.
     */
    public ServiceProcess startInstance(String module, String instance) throws IOException, InterruptedException {
        if (services.stream().anyMatch(s -> s.name().equals(instance))) {
            throw new IllegalArgumentException("An instance named " + instance + " exists already");
        }
        ServiceProcess started = launch(module, instance, FreePorts.allocate(1)[0]);
        services.add(started);
        instanceModules.put(instance, module);
        started.awaitReady(READY_TIMEOUT);
        return started;
    }

    private String moduleOf(String instance) {
        return instanceModules.getOrDefault(instance, instance);
    }

    public String url(String service) {
        return services.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + service)).baseUrl();
    }

    /** How long each service took from its process start to ready. */
    public Map<String, Duration> readyAfter() {
        return Map.copyOf(readyAfter);
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** Mints bearer tokens the running services accept (without sign-in: with sign-in, see {@link #keycloakTokens}). */
    public TokenMinter tokens() {
        if (options.signIn() != null) {
            throw new IllegalStateException("The services verify Keycloak's tokens in this stack: use keycloakTokens()");
        }
        return signingKeys.minter();
    }

    /** Keycloak's tokens for the demo users, when the stack has sign-in. */
    public KeycloakTokens keycloakTokens() {
        return new KeycloakTokens(keycloak().tokenUrl(), identitySecrets);
    }

    /** The running Keycloak; only with sign-in. */
    public LocalKeycloak keycloak() {
        LocalKeycloak running = keycloak.join();
        if (running == null) {
            throw new IllegalStateException("This stack runs without sign-in (no Keycloak)");
        }
        return running;
    }

    /** The console's process; only with sign-in. */
    public ServiceProcess console() {
        if (console == null) {
            throw new IllegalStateException("This stack runs without sign-in (no console)");
        }
        return console;
    }

    /** The demo users' passwords; only with sign-in. */
    public IdentitySecrets identitySecrets() {
        if (identitySecrets == null) {
            throw new IllegalStateException("This stack runs without sign-in");
        }
        return identitySecrets;
    }

    public LocalKafka kafka() {
        return kafka;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    /**
     * Stops the console and the services first, together (each drains its consumers and outbox), then Kafka, then
     * PostgreSQL and Keycloak.
     */
    @Override
    public void close() throws Exception {
        List<ServiceProcess> stopping = new ArrayList<>(services);
        if (console != null) {
            stopping.add(console);
        }
        ServiceProcess.closeAll(stopping);
        kafka.close();
        postgres.close();
        stopKeycloak(keycloak);
    }

    public static void main(String[] args) throws Exception {
        StackOptions options = StackOptions.parse(args);
        Instant begin = Instant.now();
        LocalStack stack = start(options, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the Hotline stack...");
            try {
                stack.close();
            } catch (Exception e) {
                System.err.println("Stop incomplete: " + e);
            }
            stopped.countDown();
        }, "hotline-stop"));
        System.out.printf("%nHotline is up after %d s. Ctrl-C stops everything; data stays in %s%n",
                Duration.between(begin, Instant.now()).toSeconds(), options.dataDirectory());
        System.out.println("  Tip form, intake API   " + stack.url("intake-service") + "/   (POST /api/v1/tips)");
        System.out.println("  Directory              " + stack.url("directory-service") + "/api/v1/organizations");
        System.out.println("  Routing decisions      " + stack.url("routing-service") + "/api/v1/decisions/{reference}");
        System.out.println("  Follow-ups             " + stack.url("followup-service") + "/api/v1/followups");
        System.out.println("  API docs (each)        <service>/q/swagger-ui   health: <service>/q/health");
        System.out.println("  Kafka                  " + stack.kafka().bootstrapServers());
        System.out.println("  PostgreSQL             " + stack.postgres().jdbcUrl());
        System.out.println("  Logs                   " + options.dataDirectory().resolve("logs"));
        String dataOption = options.dataDirectory().equals(options.repositoryRoot().resolve("data")) ? ""
                : " --data=" + options.dataDirectory();
        if (options.signIn() != null) {
            LocalKeycloak keycloak = stack.keycloak();
            System.out.println("  Staff console          " + stack.console().baseUrl() + "/   (sign in as a demo user)");
            System.out.println("  Keycloak               " + keycloak.baseUrl() + "/admin/   (realm " + LocalKeycloak.REALM
                    + "; administrator " + IdentitySecrets.KEYCLOAK_ADMIN + " / "
                    + stack.identitySecrets().keycloakAdminPassword() + ")");
            System.out.println("  Demo users (user / password, kept in " + options.dataDirectory().resolve("keys")
                    + "/identity.properties):");
            for (String user : IdentitySecrets.DEMO_USERS) {
                System.out.printf("      %-11s %s%s%n", user, stack.identitySecrets().password(user),
                        user.equals("partner") ? "   (organisation " + IdentitySecrets.DEMO_PARTNER_ORGANIZATION
                                + ", NHTRC)" : "");
            }
            System.out.println("  Staff APIs need a token: ./mint-token.sh agent|supervisor|admin|partner" + dataOption
                    + "   (a demo user's, from Keycloak)");
        } else {
            System.out.println("  Staff APIs need a token: ./mint-token.sh agent|supervisor|admin|partner"
                    + " --organization=<id>" + dataOption);
        }
        stack.readyAfter().forEach((name, after) -> System.out.printf("  %-22s ready %.1f s after its start%s%n",
                name, after.toMillis() / 1000.0, name.equals("keycloak") ? ""
                        : "; " + (name.equals("console") ? stack.console() : stack.service(name)).classDataCache()));
        stopped.await();
    }
}
