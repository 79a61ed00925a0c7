package org.hotline.local;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The JVM the services run on: which JDK, its options, and whether each service keeps a class-data cache
 * ({@link ClassDataCache}). The services are built for Java 17 and run on any later JDK; on JDK 25 or later the
 * ahead-of-time cache makes them start about three times faster than without it, AppCDS before 25 about twice.
 *
 * <p>The JDK is {@code $HOTLINE_SERVICE_JAVA_HOME} when that is set, else the newest JDK 25 or later among
 * {@code /usr/lib/jvm/*} when there is one, else the launcher's own ({@code java.home}).
 */
public record ServiceJvm(Path javaHome, int featureVersion, List<String> options, boolean classDataCache) {

    /**
     * Small heaps for four JVMs on one machine: the heap starts at 16 MiB (a service uses about 30 MiB after start)
     * and grows to 256 MiB; the serial collector and the C1 compiler alone suit services on one or two cores. C1
     * alone gets a 48 MiB code cache by default, which a long run can fill (the JIT then stops and method-handle
     * intrinsics fail): 128 MiB is reserved, committed only as used.
     */
    public static final List<String> DEFAULT_OPTIONS = List.of("-Xms16m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=128m");

    /** The environment variable that names the services' JDK. */
    public static final String JAVA_HOME_VARIABLE = "HOTLINE_SERVICE_JAVA_HOME";

    private static final int AOT_CACHE_FEATURE = 25;

    public ServiceJvm {
        options = List.copyOf(options);
    }

    /** The JDK chosen as the class comment says, default options, class-data cache on. */
    public static ServiceJvm detect() {
        String named = System.getenv(JAVA_HOME_VARIABLE);
        if (named != null && !named.isBlank()) {
            return of(Path.of(named));
        }
        return newestInstalled(Path.of("/usr/lib/jvm"), AOT_CACHE_FEATURE)
                .orElseGet(() -> of(Path.of(System.getProperty("java.home"))));
    }

    /** The JDK at {@code javaHome}, default options, class-data cache on. */
    public static ServiceJvm of(Path javaHome) {
        Path java = javaHome.resolve("bin").resolve("java");
        if (!Files.isExecutable(java)) {
            throw new IllegalArgumentException(java + " is not an executable java: " + JAVA_HOME_VARIABLE
                    + " and --service-java-home name a JDK's home folder");
        }
        return new ServiceJvm(javaHome.toAbsolutePath(), featureVersion(javaHome), DEFAULT_OPTIONS, true);
    }

    /** The newest JDK of at least {@code minimumFeature} among the folders of {@code jvms}, if any. */
    static Optional<ServiceJvm> newestInstalled(Path jvms, int minimumFeature) {
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        List<ServiceJvm> found = new ArrayList<>();
        try (DirectoryStream<Path> homes = Files.newDirectoryStream(jvms)) {
            for (Path home : homes) {
                if (Files.isExecutable(home.resolve("bin/java")) && Files.isRegularFile(home.resolve("release"))
                        && !Files.isSymbolicLink(home)) {
                    int feature = featureVersion(home);
                    if (feature >= minimumFeature) {
                        found.add(new ServiceJvm(home, feature, DEFAULT_OPTIONS, true));
                    }
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        Comparator<ServiceJvm> newest = Comparator.comparingInt(ServiceJvm::featureVersion);
        return found.stream().max(newest.thenComparing(jvm -> jvm.javaHome().toString()));
    }

    /** The feature version (17, 21, 25...) from the JDK's {@code release} file, or this JVM's when it is its own. */
    static int featureVersion(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (Files.isRegularFile(release)) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(release)) {
                properties.load(in);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read " + release, e);
            }
            String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
            if (!version.isEmpty()) {
                return Integer.parseInt(version.split("[.+-]")[0]);
            }
        }
        if (javaHome.toAbsolutePath().normalize().equals(Path.of(System.getProperty("java.home")).normalize())) {
            return Runtime.version().feature();
        }
        throw new IllegalArgumentException(javaHome + " has no release file naming its JAVA_VERSION");
    }

    public Path java() {
        return javaHome.resolve("bin").resolve("java");
    }

    public ServiceJvm withOptions(List<String> newOptions) {
        return new ServiceJvm(javaHome, featureVersion, newOptions, classDataCache);
    }

    public ServiceJvm withClassDataCache(boolean on) {
        return new ServiceJvm(javaHome, featureVersion, options, on);
    }

    /** The kind of class-data cache this JDK keeps: "AOT cache" (25+), "AppCDS" (13-24) or "none". */
    public String cacheKind() {
        if (!classDataCache) {
            return "none";
        }
        if (featureVersion >= AOT_CACHE_FEATURE) {
            return "AOT cache";
        }
        return featureVersion >= 13 ? "AppCDS" : "none";
    }

    /** One line for a start-up banner or a benchmark's header. */
    public String describe() {
        return "Java " + featureVersion + " (" + javaHome + "), class-data cache: " + cacheKind() + ", options: "
                + String.join(" ", options);
    }
}
