package org.hotline.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.hotline.local.FreePorts;
import org.hotline.local.LocalStack;
import org.hotline.local.StackOptions;

/**
 * Import throughput of a third-party HSDS dataset: a 211-like CSV datapackage (AIRS codes, no time zones, weekly
 * schedules, "X County, ST" areas; five services per organisation) of {@code --services} services, posted to
 * directory-service's {@code POST /api/v1/admin/hsds/import} on the whole local stack in zips of
 * {@code --part-services} (the service's heap is 256 MB: one zip is read whole), each first as a dry run, then
 * applied, then the whole dataset again (every organisation unchanged: nothing written). Printed beside PostgreSQL's
 * raw insert rate of as many service-sized rows, 500 per commit, measured in the same run on the same server.
 */
public final class HsdsImportBenchmark {

    private static final Pattern COUNT = Pattern.compile("\"(created|replaced|unchanged|refused)\":(\\d+)");

    /** Places the sample's services are in: state, county, ZIP code (split states among them). */
    private static final String[][] PLACES = {{"CA", "Santa Cruz", "95060"}, {"TX", "Travis", "78701"},
        {"TX", "El Paso", "79901"}, {"FL", "Escambia", "32501"}, {"TN", "Knox", "37902"}, {"NY", "Kings", "11201"},
        {"IL", "Cook", "60601"}, {"WA", "King", "98101"}, {"GA", "Fulton", "30303"}, {"AZ", "Maricopa", "85001"}};
    private static final String[] CODES = {"BH-1800", "BH-1800.8500", "FT-3600", "PH-1000", "RP-1400",
        "BT-4500.6500-170", "LN-1500", "BH-8600", "RP-1500.1400-800", "BD-1800.2000"};

    private HsdsImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args, List.of("root", "services", "part-services"));
        Path root = arguments.folder("root");
        int services = arguments.integer("services", 50_000);
        int partServices = arguments.integer("part-services", 10_000);
        if (services < 5 || services > 200_000 || partServices < 5 || partServices % 5 != 0) {
            throw new IllegalArgumentException("5 <= --services <= 200000, --part-services a multiple of 5");
        }
        Path jar = root.resolve("directory-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": run ./mvnw -DskipTests package first");
        }
        Machine.print("Hotline HSDS import benchmark");
        Path data = ScratchFolder.create();
        int[] ports = FreePorts.allocate(7);
        StackOptions options = StackOptions.defaults(root).withDataDirectory(data)
                .withPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6]);
        System.out.println("Services on " + options.serviceJvm().describe());
        try (LocalStack stack = LocalStack.start(options, System.out)) {
            String directory = stack.url("directory-service");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String admin = stack.tokens().mint("hsds-import-benchmark", "admin", null, Duration.ofHours(2));
            List<byte[]> parts = new java.util.ArrayList<>();
            for (int from = 0; from < services; from += partServices) {
                parts.add(datapackage(from, Math.min(services, from + partServices)));
            }
            System.out.printf("%nDataset: %,d services of %,d organisations in %d zip(s) (%,d bytes in all)%n",
                    services, services / 5, parts.size(), parts.stream().mapToLong(p -> p.length).sum());
            Machine.printLoadAverage("before the import");
            double dry = 0;
            double apply = 0;
            long[] counts = new long[4];
            for (byte[] part : parts) {
                long start = System.nanoTime();
                post(http, directory, "dryRun=true", part, admin);
                dry += (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                add(counts, post(http, directory, "", part, admin));
                apply += (System.nanoTime() - start) / 1e9;
            }
            long[] again = new long[4];
            long start = System.nanoTime();
            for (byte[] part : parts) {
                add(again, post(http, directory, "", part, admin));
            }
            double reimport = (System.nanoTime() - start) / 1e9;
            System.out.printf("Dry run:   %,d services in %.1f s: %,.0f services/s%n", services, dry, services / dry);
            System.out.printf("Apply:     %,d services in %.1f s: %,.0f services/s (created %,d, updated %,d, "
                    + "unchanged %,d, refused %,d organisations)%n", services, apply, services / apply, counts[0],
                    counts[1], counts[2], counts[3]);
            System.out.printf("Re-import: %,d services in %.1f s: %,.0f services/s (unchanged %,d organisations, "
                    + "created or updated %,d)%n", services, reimport, services / reimport, again[2],
                    again[0] + again[1]);
            double raw = postgresRawInsert(stack.postgres().jdbcUrl(), services);
            System.out.printf("PostgreSQL raw insert (same server, same run): %,d service-sized rows, 500 per "
                    + "commit: %,.0f rows/s; the import applies at %.1f%% of it%n", services, raw,
                    100 * (services / apply) / raw);
            Machine.printLoadAverage("after the import");
        }
    }

    private static void add(long[] counts, String report) {
        Matcher m = COUNT.matcher(report);
        while (m.find()) {
            int at = switch (m.group(1)) {
                case "created" -> 0;
                case "replaced" -> 1;
                case "unchanged" -> 2;
                default -> 3;
            };
            counts[at] += Long.parseLong(m.group(2));
        }
    }

    /** Services {@code from} to {@code to} (and their organisations, five services each) as a datapackage zip. */
    static byte[] datapackage(int from, int to) throws IOException {
        StringBuilder organizations = new StringBuilder("id,name,description\n");
        StringBuilder svc = new StringBuilder("id,organization_id,name,status,assured_date,last_modified\n");
        StringBuilder locations = new StringBuilder("id,organization_id,name\n");
        StringBuilder addresses = new StringBuilder("id,location_id,address_1,city,state_province,postal_code,"
                + "country,address_type\n");
        StringBuilder atLocations = new StringBuilder("id,service_id,location_id\n");
        StringBuilder phones = new StringBuilder("id,service_id,number\n");
        StringBuilder schedules = new StringBuilder("id,service_id,freq,byday,opens_at,closes_at\n");
        StringBuilder areas = new StringBuilder("id,service_id,name,extent_type\n");
        StringBuilder terms = new StringBuilder("id,code,name,description,taxonomy\n");
        StringBuilder attributes = new StringBuilder("id,link_id,link_type,link_entity,taxonomy_term_id\n");
        for (int c = 0; c < CODES.length; c++) {
            terms.append("t").append(c).append(',').append(CODES[c]).append(",Term ").append(c)
                    .append(",AIRS term,AIRS/211 LA County Taxonomy\n");
        }
        for (int s = from; s < to; s++) {
            int o = s / 5;
            String[] place = PLACES[o % PLACES.length];
            if (s % 5 == 0) {
                organizations.append("o").append(o).append(",Benchmark Provider ").append(o)
                        .append(",A generated 211-style provider\n");
                locations.append("l").append(o).append(",o").append(o).append(",Office ").append(o).append('\n');
                addresses.append("a").append(o).append(",l").append(o).append(',').append(o).append(" Main St,")
                        .append(place[1]).append(',').append(place[0]).append(',').append(place[2])
                        .append(",US,physical\n");
            }
            svc.append("s").append(s).append(",o").append(o).append(",Service ").append(s)
                    .append(",active,2026-09-01,2026-09-01T00:00:00Z\n");
            atLocations.append("sl").append(s).append(",s").append(s).append(",l").append(o).append('\n');
            phones.append("p").append(s).append(",s").append(s).append(",1-800-555-").append(String.format("%04d",
                    s % 10_000)).append('\n');
            schedules.append("h").append(s).append(",s").append(s).append(",WEEKLY,\"MO,TU,WE,TH,FR\",09:00,17:00\n");
            areas.append("r").append(s).append(",s").append(s).append(",\"").append(place[1]).append(" County, ")
                    .append(place[0]).append("\",text\n");
            attributes.append("x").append(s).append(",s").append(s).append(",service,service,t")
                    .append(s % (CODES.length - 1)).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "datapackage.json", "{\"name\": \"benchmark-211\", \"homepage\": "
                    + "\"https://benchmark-211.example.org/hsds\", \"resources\": []}");
            entry(zip, "organizations.csv", organizations);
            entry(zip, "services.csv", svc);
            entry(zip, "locations.csv", locations);
            entry(zip, "addresses.csv", addresses);
            entry(zip, "service_at_locations.csv", atLocations);
            entry(zip, "phones.csv", phones);
            entry(zip, "schedules.csv", schedules);
            entry(zip, "service_areas.csv", areas);
            entry(zip, "taxonomy_terms.csv", terms);
            entry(zip, "attributes.csv", attributes);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, CharSequence content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String post(HttpClient http, String directory, String query, byte[] zip, String token)
            throws IOException, InterruptedException {
        URI uri = URI.create(directory + "/api/v1/admin/hsds/import" + (query.isEmpty() ? "" : "?" + query));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30))
                .header("Content-Type", "application/zip").header("Accept", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST " + uri.getRawPath() + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(2000, response.body().length())));
        }
        // A dry run lists every record; keep only the counts, which come before the records.
        int records = response.body().indexOf("\"records\"");
        return records < 0 ? response.body() : response.body().substring(0, records);
    }

    /** Rows of a service's size (id, organisation, name, zone, terms), 500 per commit, as the import batches. */
    private static double postgresRawInsert(String jdbcUrl, int rows) throws Exception {
        // As the other references (References): the superuser, in public, which the service roles may not write.
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", "");
        properties.setProperty("reWriteBatchedInserts", "true");
        try (Connection db = DriverManager.getConnection(jdbcUrl, properties); Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE public.benchmark_raw_service (id UUID PRIMARY KEY, organization_id UUID NOT "
                    + "NULL, name TEXT NOT NULL, time_zone TEXT NOT NULL, search_terms TEXT[] NOT NULL)");
            db.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO public.benchmark_raw_service "
                    + "VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, UUID.randomUUID());
                    insert.setString(3, "Service " + i);
                    insert.setString(4, "America/Chicago");
                    insert.setArray(5, db.createArrayOf("text", new String[] {"N:SHELTER", "C:TX:Travis", "A:ALL"}));
                    insert.addBatch();
                    if (i % 500 == 499 || i == rows - 1) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            db.setAutoCommit(true);
            ddl.execute("DROP TABLE public.benchmark_raw_service");
            return rows / seconds;
        }
    }
}
