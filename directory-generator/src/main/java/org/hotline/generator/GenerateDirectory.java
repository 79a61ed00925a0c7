package org.hotline.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.hotline.contracts.EventCodec;

/**
 * Writes a generated directory as NDJSON: one {@code hotline.organization.upserted} payload per line, each checked
 * against its JSON Schema by {@link EventCodec}.
 *
 * <pre>
 * java -cp "directory-generator/target/*:directory-generator/target/lib/*" org.hotline.generator.GenerateDirectory \
 *     --count=50000 --seed=42 --out=directory.ndjson
 * </pre>
 * Without {@code --out} (or with {@code --out=-}) it writes to standard output. A summary goes to standard error.
 */
public final class GenerateDirectory {

    private static final int BATCH = 2_000;
    private static final Set<String> OPTIONS = Set.of("count", "seed", "out");

    private GenerateDirectory() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options;
        int count;
        long seed;
        try {
            options = parse(args);
            count = Integer.parseInt(options.getOrDefault("count", "50000"));
            seed = Long.parseLong(options.getOrDefault("seed", "42"));
            if (count < 0) {
                throw new IllegalArgumentException("--count must not be negative");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: GenerateDirectory [--count=50000] [--seed=42] [--out=FILE|-]");
            System.exit(2);
            return;
        }
        String out = options.getOrDefault("out", "-");
        long started = System.nanoTime();
        if (out.equals("-")) {
            write(System.out, count, seed);
        } else {
            try (OutputStream file = Files.newOutputStream(Path.of(out))) {
                write(file, count, seed);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("%d organisations (seed %d) written to %s in %.2f s%n", count, seed,
                out.equals("-") ? "standard output" : out, seconds);
    }

    /** Writes {@code count} organisations of {@code seed} as NDJSON to {@code out}; flushes, does not close it. */
    public static void write(OutputStream out, int count, long seed) throws IOException {
        EventCodec codec = new EventCodec();
        DirectoryGenerator generator = new DirectoryGenerator(seed);
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        // Schema validation costs more than generation: validate a batch on all cores, write it in order, so memory
        // stays at one batch whatever the count.
        for (int start = 0; start < count; start += BATCH) {
            List<String> lines = IntStream.range(start, Math.min(count, start + BATCH)).parallel()
                    .mapToObj(i -> codec.encode(generator.organization(i)))
                    .toList();
            for (String line : lines) {
                writer.write(line);
                writer.write('\n');
            }
        }
        writer.flush();
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0 || !OPTIONS.contains(arg.substring(2, eq))) {
                throw new IllegalArgumentException("unknown argument: " + arg);
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }
}
