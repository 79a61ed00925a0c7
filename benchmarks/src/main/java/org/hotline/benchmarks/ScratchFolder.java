package org.hotline.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hotline.local.Folders;

/** The temporary folder a benchmark's stack keeps its data and logs in, removed when the benchmark ends. */
final class ScratchFolder {

    private ScratchFolder() {
    }

    static Path create() throws IOException {
        return Files.createTempDirectory("hotline-benchmark");
    }

    /** Removes the folder; a failure is reported, never thrown, so it cannot hide the figures already printed. */
    static void deleteQuietly(Path folder) {
        try {
            Folders.deleteTree(folder);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete " + folder + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
