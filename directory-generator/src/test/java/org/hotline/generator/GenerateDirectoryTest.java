package org.hotline.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hotline.contracts.EventCodec;
import org.hotline.contracts.EventType;
import org.hotline.contracts.events.OrganizationUpserted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateDirectoryTest {

    final EventCodec codec = new EventCodec();

    @Test
    void writesOneSchemaValidPayloadPerLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GenerateDirectory.write(out, 500, 42);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(500);
        List<OrganizationUpserted> expected = new DirectoryGenerator(42).organizations(500).toList();
        for (int i = 0; i < lines.size(); i++) {
            assertThat(codec.decode(EventType.ORGANIZATION_UPSERTED, lines.get(i), OrganizationUpserted.class))
                    .isEqualTo(expected.get(i));
        }
    }

    @Test
    void mainWritesTheFileNamedByOut(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("directory.ndjson");
        GenerateDirectory.main(new String[] {"--count=120", "--seed=9", "--out=" + file});
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(120);
        assertThat(lines.get(0)).isEqualTo(codec.encode(new DirectoryGenerator(9).organization(0)));
    }

    @Test
    void knowsItsOptionsOnly() {
        assertThat(GenerateDirectory.parse(new String[] {"--count=5", "--seed=-3", "--out=-"}))
                .containsEntry("count", "5").containsEntry("seed", "-3").containsEntry("out", "-");
        assertThatThrownBy(() -> GenerateDirectory.parse(new String[] {"--size=5"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--size=5");
        assertThatThrownBy(() -> GenerateDirectory.parse(new String[] {"count=5"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
