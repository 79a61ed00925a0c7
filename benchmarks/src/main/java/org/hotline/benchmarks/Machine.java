package org.hotline.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** What every benchmark prints first: figures mean nothing without the machine they were measured on. */
final class Machine {

    private Machine() {
    }

    /** The benchmark's title, then cores, memory, OS, Java, this JVM's heap, the CPU model and the load average. */
    static void print(String title) {
        Runtime rt = Runtime.getRuntime();
        System.out.println("=== " + title + " ===");
        System.out.printf("Machine: %d cores (nproc), %s RAM, OS %s %s (%s), Java %s (%s), benchmark max heap %d MiB%n",
                rt.availableProcessors(), memTotal(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"), Runtime.version(),
                System.getProperty("java.vm.name"), rt.maxMemory() / (1024 * 1024));
        System.out.println("CPU: " + firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown"));
        printLoadAverage("at start");
    }

    /** Other work on the machine skews every figure: the load average says how much there was. */
    static void printLoadAverage(String when) {
        Path loadavg = Path.of("/proc/loadavg");
        if (!Files.isReadable(loadavg)) {
            return;
        }
        try {
            String[] fields = Files.readString(loadavg).trim().split("\\s+");
            System.out.printf("Load average %s (1, 5, 15 min): %s %s %s%n", when, fields[0], fields[1], fields[2]);
        } catch (IOException | UncheckedIOException | ArrayIndexOutOfBoundsException e) {
            // A courtesy, like the CPU model; the core count is what matters.
        }
    }

    private static String memTotal() {
        return firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(v -> String.format("%.1f GiB", Long.parseLong(v.replace("kB", "").trim()) / 1024.0 / 1024.0))
                .orElse("unknown");
    }

    private static Optional<String> firstValue(Path file, String key) {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(key)).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
