package org.hotline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache's life: recorded by a graceful exit, used after, never stale, never half written. */
class ClassDataCacheTest {

    @TempDir
    Path module;

    private final ServiceJvm jvm = ServiceJvm.of(Path.of(System.getProperty("java.home")));

    @Test
    void aGracefulExitKeepsTheRecordingWhichTheNextStartUses() throws IOException {
        Path jar = packagedService();
        ClassDataCache first = ClassDataCache.of(jar, jvm);
        assertThat(first.recording()).isTrue();
        String recordOption = first.jvmOptions().get(0);
        Path recording = Path.of(recordOption.substring(recordOption.indexOf('=') + 1));
        assertThat(recording.getFileName().toString()).endsWith(".tmp");

        Files.writeString(recording, "the JVM's archive");  // what the JVM writes as it exits
        first.finish(143);

        assertThat(cacheFiles()).hasSize(1).noneMatch(f -> f.toString().endsWith(".tmp"));
        ClassDataCache second = ClassDataCache.of(jar, jvm);
        assertThat(second.recording()).isFalse();
        assertThat(second.jvmOptions()).singleElement().asString()
                .endsWith(cacheFiles().get(0).getFileName().toString())
                .startsWith(jvm.featureVersion() >= 25 ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=");
    }

    @Test
    void aKilledProcessLeavesNoCacheAndNoTemporaryFile() throws IOException {
        Path jar = packagedService();
        ClassDataCache cache = ClassDataCache.of(jar, jvm);
        String option = cache.jvmOptions().get(0);
        Files.writeString(Path.of(option.substring(option.indexOf('=') + 1)), "half an archive");

        cache.finish(137);

        assertThat(cacheFiles()).isEmpty();
        assertThat(ClassDataCache.of(jar, jvm).recording()).isTrue();
    }

    @Test
    void aRebuildOrOtherOptionsRecordAfreshAndOnlyTheNewestCachesAreKept() throws IOException {
        Path jar = packagedService();
        record(jar, jvm);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
        assertThat(ClassDataCache.of(jar, jvm).recording()).as("after a rebuild").isTrue();
        record(jar, jvm);
        ServiceJvm other = jvm.withOptions(List.of("-Xmx128m"));
        assertThat(ClassDataCache.of(jar, other).recording()).as("with other options").isTrue();
        record(jar, other);
        Files.writeString(jar.resolveSibling("lib/extra.jar"), "a new dependency");
        record(jar, other);

        assertThat(cacheFiles()).hasSize(3);
        assertThat(ClassDataCache.of(jar, other).recording()).isFalse();
    }

    @Test
    void aJvmWithoutTheCacheGetsNone() throws IOException {
        assertThat(ClassDataCache.of(packagedService(), jvm.withClassDataCache(false))).isNull();
    }

    private void record(Path jar, ServiceJvm on) throws IOException {
        ClassDataCache cache = ClassDataCache.of(jar, on);
        String option = cache.jvmOptions().get(0);
        Files.writeString(Path.of(option.substring(option.indexOf('=') + 1)), "archive");
        cache.finish(0);
    }

    /** {@code <module>/target/quarkus-app/quarkus-run.jar} with one dependency. */
    private Path packagedService() throws IOException {
        Path app = Files.createDirectories(module.resolve("demo-service/target/quarkus-app/lib"))
                .getParent();
        Files.writeString(app.resolve("lib/dependency.jar"), "classes");
        return Files.writeString(app.resolve("quarkus-run.jar"), "runner");
    }

    private List<Path> cacheFiles() throws IOException {
        Path folder = module.resolve("demo-service/target/class-data");
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
