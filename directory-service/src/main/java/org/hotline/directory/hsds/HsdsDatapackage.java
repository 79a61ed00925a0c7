package org.hotline.directory.hsds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.hotline.directory.config.HsdsImportConfig;
import org.hotline.platform.problem.Problem;
import org.hotline.platform.problem.ProblemException;

/**
 * Reads the tabular form of an HSDS 3.x dataset: a zip of a Frictionless {@code datapackage.json} and its CSV tables
 * (at the zip's root or in one folder), joined into the nesting of the JSON form. A table is known by its
 * datapackage resource name, or else its file name, singular or plural ({@code organization} or
 * {@code organizations.csv}). Records are named by table and row ({@code services[12]} is the 13th data row of the
 * services table). The uncompressed tables may hold at most the fetch size limit, so a small zip cannot expand into
 * more than the directory would read.
 */
@ApplicationScoped
public class HsdsDatapackage {

    private static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry("organization", "organizations"), Map.entry("service", "services"),
            Map.entry("location", "locations"), Map.entry("address", "addresses"), Map.entry("phone", "phones"),
            Map.entry("schedule", "schedules"), Map.entry("service_area", "service_areas"),
            Map.entry("service_at_location", "service_at_locations"), Map.entry("taxonomy_term", "taxonomy_terms"),
            Map.entry("taxonomy", "taxonomies"), Map.entry("attribute", "attributes"),
            Map.entry("language", "languages"));

    private final ObjectMapper json;
    private final CsvMapper csv = new CsvMapper();
    private final long maxBytes;

    public HsdsDatapackage(ObjectMapper json, HsdsImportConfig config) {
        this.json = json;
        this.maxBytes = config.fetch().maxSize().asLongValue();
        csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    }

    /** One CSV table: its header and rows; a cell absent or empty reads as null. */
    record Table(Map<String, Integer> columns, List<String[]> rows) {

        static final Table EMPTY = new Table(Map.of(), List.of());

        String get(String[] row, String column) {
            Integer at = columns.get(column);
            if (at == null || at >= row.length) {
                return null;
            }
            String value = row[at].strip();
            return value.isEmpty() ? null : value;
        }
    }

    public HsdsDataset read(InputStream zip, String source) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        byte[] descriptor = null;
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(zip)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (entry.isDirectory() || !(name.endsWith(".csv") || name.equals("datapackage.json"))) {
                    continue;
                }
                byte[] bytes = readLimited(in, maxBytes - total);
                total += bytes.length;
                if (name.equals("datapackage.json")) {
                    descriptor = bytes;
                } else {
                    files.put(name, bytes);
                }
            }
        }
        if (descriptor == null) {
            throw ProblemException.invalid("datapackage.json", "must be in the zip: an HSDS datapackage describes "
                    + "its tables");
        }
        JsonNode packageJson = json.readTree(descriptor);
        Map<String, String> fileToTable = new HashMap<>();
        for (JsonNode resource : packageJson.path("resources")) {
            String path = resource.path("path").asText("");
            fileToTable.put(path.substring(path.lastIndexOf('/') + 1), table(resource.path("name").asText("")));
        }
        Map<String, Table> tables = new HashMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String table = fileToTable.getOrDefault(file.getKey(),
                    table(file.getKey().substring(0, file.getKey().length() - ".csv".length())));
            tables.put(table, parse(file.getValue()));
        }
        if (!tables.containsKey("organizations") || !tables.containsKey("services")) {
            throw ProblemException.invalid("datapackage.json", "must describe an organizations and a services table");
        }
        String publisher = source != null ? source : text(packageJson.path("homepage"), packageJson.path("name"));
        return new DatapackageJoin(tables, publisher).dataset();
    }

    private static String text(JsonNode... candidates) {
        for (JsonNode node : candidates) {
            if (node.isTextual() && !node.asText().isBlank()) {
                return node.asText().strip();
            }
        }
        return null;
    }

    private static String table(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace('-', '_');
        return TABLES.getOrDefault(lower, lower);
    }

    private Table parse(byte[] bytes) throws IOException {
        List<String[]> rows = new ArrayList<>();
        Map<String, Integer> columns = new HashMap<>();
        try (MappingIterator<String[]> it = csv.readerFor(String[].class).readValues(bytes)) {
            if (it.hasNext()) {
                String[] header = it.next();
                for (int i = 0; i < header.length; i++) {
                    columns.put(header[i].strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT), i);
                }
            }
            while (it.hasNext()) {
                String[] row = it.next();
                if (row.length > 1 || row.length == 1 && !row[0].isBlank()) {
                    rows.add(row);
                }
            }
        }
        return new Table(Map.copyOf(columns), rows);
    }

    private static byte[] readLimited(InputStream in, long remaining) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > remaining) {
                throw new ProblemException(413, "payload-too-large", "Payload too large",
                        "The datapackage's tables are larger than the import reads", List.of(
                                new Problem.Violation("file", "expands beyond the size an import reads")));
            }
        }
        return out.toByteArray();
    }
}
