package org.hotline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJvmTest {

    @TempDir
    Path jvms;

    @Test
    void theNewestInstalledJdkOfAtLeastTheFeatureIsChosen() throws IOException {
        jdk("java-17-openjdk-amd64", "17.0.15");
        jdk("temurin-25-jdk-amd64", "25.0.3");
        jdk("temurin-26-jdk-amd64", "26");
        Files.createDirectories(jvms.resolve("not-a-jdk"));

        assertThat(ServiceJvm.newestInstalled(jvms, 25)).get()
                .satisfies(jvm -> assertThat(jvm.featureVersion()).isEqualTo(26))
                .satisfies(jvm -> assertThat(jvm.cacheKind()).isEqualTo("AOT cache"));
        assertThat(ServiceJvm.newestInstalled(jvms, 27)).isEmpty();
    }

    @Test
    void theCacheKindFollowsTheJdk() throws IOException {
        assertThat(ServiceJvm.of(jdk("a", "17.0.15")).cacheKind()).isEqualTo("AppCDS");
        assertThat(ServiceJvm.of(jdk("b", "25.0.3")).cacheKind()).isEqualTo("AOT cache");
        assertThat(ServiceJvm.of(jdk("c", "25.0.3")).withClassDataCache(false).cacheKind()).isEqualTo("none");
    }

    @Test
    void aFolderWithoutJavaIsRefusedWithWhatToSet() {
        assertThatThrownBy(() -> ServiceJvm.of(jvms.resolve("nothing")))
                .hasMessageContaining(ServiceJvm.JAVA_HOME_VARIABLE);
    }

    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name).resolve("bin")).getParent();
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
