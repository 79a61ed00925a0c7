package org.hotline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A service's class-data cache: the classes it loads and links while starting, kept in a file the JVM maps at the
 * next start instead of loading them again. On JDK 25 or later it is the ahead-of-time cache (JEP 483, recorded in
 * one run by {@code -XX:AOTCacheOutput}, JEP 514, with method profiles, JEP 515); on JDK 13 to 24 a dynamic AppCDS
 * archive ({@code -XX:ArchiveClassesAtExit}). The services are packaged as Quarkus {@code aot-jar}, so the
 * application's classes are on the JVM's class path and go into the cache too.
 *
 * <p>The first start of a build on a JDK records the cache, which the JVM writes when the process exits gracefully
 * (SIGTERM); a killed process leaves none and the next start records again. The file sits beside the build, in
 * {@code <module>/target/class-data/}, named by a digest of the JDK, the JVM options and every file of the build
 * (path, size, modification time): a rebuild, another JDK or other options record a new one, a stale one is never
 * used, and {@code ./mvnw clean} removes them all. It is written under a temporary name and moved into place
 * atomically, so two instances recording at once, or a reader starting meanwhile, never see half a file.
 */
final class ClassDataCache {

    private static final int KEPT = 3;

    private final Path file;
    private final Path recording;
    private final String kind;
    private boolean finished;

    private ClassDataCache(Path file, Path recording, String kind) {
        this.file = file;
        this.recording = recording;
        this.kind = kind;
    }

    /**
     * The cache for the service packaged at {@code jar} ({@code <module>/target/quarkus-app/quarkus-run.jar}) on
     * {@code jvm}, or {@code null} when that JVM keeps none.
     */
    static ClassDataCache of(Path jar, ServiceJvm jvm) {
        String kind = jvm.cacheKind();
        if (kind.equals("none")) {
            return null;
        }
        Path app = jar.toAbsolutePath().getParent();
        Path folder = app.resolveSibling("class-data");
        String module = app.getParent().getParent().getFileName().toString();
        String extension = kind.equals("AOT cache") ? ".aot" : ".jsa";
        Path file = folder.resolve(module + "-java" + jvm.featureVersion() + "-" + fingerprint(app, jvm) + extension);
        if (Files.isRegularFile(file)) {
            return new ClassDataCache(file, null, kind);
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
        return new ClassDataCache(file, file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp"),
                kind);
    }

    /** The JVM options that use the cache, or record it when there is none yet. */
    List<String> jvmOptions() {
        boolean aot = kind.equals("AOT cache");
        if (recording == null) {
            return aot ? List.of("-XX:AOTCache=" + file) : List.of("-XX:SharedArchiveFile=" + file);
        }
        // Classes the archive cannot hold (e.g. generated lambdas' hosts, signed jars) are skipped with a warning
        // per class; they are loaded as usual, so the warnings are noise in the service's log.
        return aot
                ? List.of("-XX:AOTCacheOutput=" + recording, "-Xlog:aot=error", "-Xlog:cds=error")
                : List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds=error");
    }

    boolean recording() {
        return recording != null;
    }

    String describe() {
        return kind + (recording == null ? " in use" : " recorded as it stops (first start of this build on this JDK)");
    }

    /**
     * After the process exited: a recording a graceful exit wrote is moved into place (replacing the older
     * caches of the same module); anything else is removed.
     */
    synchronized void finish(int exitCode) {
        if (recording == null || finished) {
            return;
        }
        finished = true;
        try {
            boolean graceful = exitCode == 0 || exitCode == 143;
            if (graceful && Files.isRegularFile(recording) && Files.size(recording) > 0) {
                Files.move(recording, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                removeOlder();
            }
        } catch (IOException e) {
            // Without a cache the next start is only slower; it records again.
        } finally {
            deleteQuietly(recording);
        }
    }

    /**
     * Caches of the same module for earlier builds, other JDKs or other options: the newest {@value #KEPT} are kept
     * (a benchmark's own options must not evict the local run's cache), the rest removed.
     */
    private void removeOlder() throws IOException {
        String name = file.getFileName().toString();
        String module = name.substring(0, name.lastIndexOf("-java"));
        List<Path> caches = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(file.getParent(), module + "-java*")) {
            for (Path sibling : siblings) {
                if (!sibling.getFileName().toString().endsWith(".tmp")) {
                    caches.add(sibling);
                }
            }
        }
        caches.sort(Comparator.comparing(ClassDataCache::modified).reversed());
        caches.stream().skip(KEPT).forEach(ClassDataCache::deleteQuietly);
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException gone) {
            return FileTime.fromMillis(0);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A leftover in target/ only costs disk space until the next clean.
        }
    }

    /** A digest of the JDK, its options and the build's files, as the class comment says. */
    static String fingerprint(Path app, ServiceJvm jvm) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, jvm.javaHome().toRealPath().toString());
            Path release = jvm.javaHome().resolve("release");
            update(digest, Files.isRegularFile(release) ? Files.readString(release) : "java " + jvm.featureVersion());
            jvm.options().forEach(option -> update(digest, option));
            try (Stream<Path> files = Files.walk(app)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    update(digest, app.relativize(f) + ":" + Files.size(f) + ":"
                            + Files.getLastModifiedTime(f).toMillis());
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot fingerprint " + app, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
