package org.hotline.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * A real PostgreSQL server from the zonky binaries, its data in a folder that survives restarts, listening on
 * localhost only. Creates the {@code hotline} database and one role and schema per service.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "hotline";
    public static final List<String> SERVICES = List.of("intake", "routing", "directory", "followup");

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    /** The server's command line as zonky started it, so a restart after a crash uses the same settings. */
    private final List<String> postmasterCommand;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDirectory) throws IOException {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.postmasterCommand = commandLine(postmasterPid());
    }

    public static LocalPostgres start(Path dataDirectory, int port) throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "200")
                // zonky defaults to synchronous_commit=off (and -F, fsync off): a commit is answered before its WAL
                // is flushed, and a crash then loses tips the services had acknowledged (found by the fault suite's
                // PostgreSQL stop). The local run keeps what it acknowledged, like a production server.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                // Whoever started it stops it, after the services that use it (LocalStack's stop, a test's
                // @AfterAll); zonky's own hook would stop it at once on Ctrl-C, under services still draining.
                .setRegisterShutdownHook(false)
                .start();
        LocalPostgres local;
        try {
            local = new LocalPostgres(postgres, dataDirectory);
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        local.prepare();
        return local;
    }

    /**
     * {@code pg_ctl stop -m immediate}: every server process quits at once, without a checkpoint, as after a power
     * cut; the next start recovers from the write-ahead log. Open connections break mid-transaction.
     */
    public void stopImmediately() throws IOException, InterruptedException {
        pgCtl(List.of("-D", dataDirectory.toString(), "-m", "immediate", "-w", "stop"), Duration.ofSeconds(60));
    }

    /** Starts the server again after {@link #stopImmediately()}, on the same port, data and settings. */
    public void startAgain(Duration timeout) throws IOException, InterruptedException {
        // The server's own arguments after "postgres -D <dir>", each quoted for the shell pg_ctl runs it through.
        List<String> options = new ArrayList<>();
        for (int i = 1; i < postmasterCommand.size(); i++) {
            if (postmasterCommand.get(i).equals("-D")) {
                i++;
                continue;
            }
            options.add("'" + postmasterCommand.get(i).replace("'", "'\\''") + "'");
        }
        pgCtl(List.of("-D", dataDirectory.toString(), "-o", String.join(" ", options), "-w",
                "-t", Long.toString(timeout.toSeconds()),
                "-l", dataDirectory.resolveSibling("postgres-restarted.log").toString(), "start"),
                timeout.plusSeconds(10));
        awaitConnections(timeout);
    }

    /** Whether the server accepts connections now. */
    public boolean isAcceptingConnections() {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private void awaitConnections(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!isAcceptingConnections()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("PostgreSQL did not accept connections within " + timeout);
            }
            Thread.sleep(200);
        }
    }

    private void pgCtl(List<String> arguments, Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // As zonky runs it: pg_ctl refuses to run as root, and in a new user namespace it is not.
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(Path.of(postmasterCommand.get(0)).resolveSibling("pg_ctl").toString());
        command.addAll(arguments);
        Path output = Files.createTempFile("hotline-pg_ctl", ".log");
        try {
            Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!pgCtl.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                pgCtl.destroyForcibly();
                throw new IllegalStateException("pg_ctl " + arguments.get(arguments.size() - 1)
                        + " did not finish within " + timeout);
            }
            if (pgCtl.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl " + arguments.get(arguments.size() - 1) + " failed ("
                        + pgCtl.exitValue() + "): " + Files.readString(output).strip());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    }

    /** A process's command line, from Linux's {@code /proc} (the zonky binaries are Linux-only here). */
    private static List<String> commandLine(long pid) throws IOException {
        String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                StandardCharsets.UTF_8);
        return Arrays.asList(raw.split("\0"));
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    private void prepare() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + DATABASE);
                }
            }
        }
        try (Connection c = postgres.getDatabase("postgres", DATABASE).getConnection();
                Statement s = c.createStatement()) {
            for (String service : SERVICES) {
                // Local development only: each role's password is its name. Production takes secrets.
                ServiceSchemas.create(s, service, service);
            }
            ServiceSchemas.createAuditTrail(s);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
