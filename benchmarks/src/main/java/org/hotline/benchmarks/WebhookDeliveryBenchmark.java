package org.hotline.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline.benchmarks.WebhookReceivers.Arrival;
import org.hotline.contracts.EventCodec;
import org.hotline.contracts.events.Location;
import org.hotline.contracts.events.ReferralIssued;
import org.hotline.contracts.vocabulary.ConsentBasis;
import org.hotline.contracts.vocabulary.Need;
import org.hotline.contracts.vocabulary.Urgency;
import org.hotline.local.FreePorts;
import org.hotline.local.LocalStack;
import org.hotline.local.StackOptions;

/**
 * Partner webhooks under load (issue 19: "deliveries of one slow partner never delay another's; benchmark 50
 * partners, one of them timing out, at 200 referrals/s"). Starts the local stack (which allows loopback endpoints and
 * generates the sealing key), creates {@code --partners} partner organisations in the directory through its API, each
 * the only local service for one ZIP code, registers a webhook subscription for each (referral issued) pointing at an
 * in-process receiver on loopback ({@link WebhookReceivers}), the first partner's endpoint never answering, so every
 * attempt to it ends in routing's 5 s timeout. Then submits web-form tips through intake at a steady {@code --rate}
 * for {@code --seconds}, each naming one partner's ZIP code, round robin, so each one decides into a referral to that
 * partner and the whole chain runs: intake, its outbox, Kafka, routing's decision, its webhook dispatcher.
 *
 * <p>Prints, for the healthy partners: time from the tip's POST, and from the referral's {@code issuedAt}, to its
 * webhook's arrival (p50, p99, max; also the worst partner's p99), deliveries/s, and deliveries against what routing
 * issued, per partner, each {@code webhook-id} counted once (repeats and bad signatures counted apart). For the
 * stalled partner: its attempts, their outcomes in routing's deliveries log, the subscription's status and the events
 * waiting. The reference, same run: the JDK HTTP server receiving raw POSTs of a webhook's size from routing's number
 * of concurrent senders. Printed, never asserted.
 *
 * <p>With {@code --feed=events} the dispatcher alone is under load: no tip is sent; the benchmark commits the
 * referral events straight into routing's partner event log at {@code --rate}, one transaction each, as routing's
 * decisions would (routing's {@code PartnerEventLog} row, a {@code hotline.referral.issued} encoded and checked by the
 * contracts' codec), so the figure is the delivery path's, not intake's and routing's on the same two cores. Rows
 * committed by another process are found by the dispatcher's scheduled poll (every second, as shipped), not by the
 * in-process wake a decision's commit gives; from then on its workers re-poll as they finish. "POST" in the figures is
 * then the event's commit.
 *
 * <p>Options: {@code --root=<repository root>} (the four services must be packaged), {@code --rate=200},
 * {@code --seconds=60}, {@code --partners=50}, {@code --failing-after-seconds=20} (routing's
 * {@code retry.horizon}, 24 h in production, shortened so the run can show the stalled subscription turning FAILING),
 * {@code --reference-seconds=10}, {@code --receiver-threads=16}, {@code --feed=tips|events}.
 */
public final class WebhookDeliveryBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"(whsec_[^\"]+)\"");
    private static final String ISSUED = "hotline.referral.issued";
    /** Routing's shipped hotline.routing.webhooks.concurrency: how many deliveries one instance makes at once. */
    private static final int ROUTING_SENDERS = 8;
    /** The partners' ZIP codes: partner i is the only local service of ZIP FIRST_ZIP + i, in California. */
    private static final int FIRST_ZIP = 95001;

    private WebhookDeliveryBenchmark() {
    }

    /** A partner organisation: its name (the receiver's path), directory id, ZIP code, and whether it stalls. */
    private record Partner(String name, UUID id, String zip, boolean stalls) {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = Arguments.parse(args, List.of("root", "rate", "seconds", "partners",
                "failing-after-seconds", "reference-seconds", "receiver-threads", "feed"));
        Path root = arguments.folder("root");
        int rate = arguments.integer("rate", 200);
        int seconds = arguments.integer("seconds", 60);
        int partnerCount = arguments.integer("partners", 50);
        int failingAfter = arguments.integer("failing-after-seconds", 20);
        int referenceSeconds = arguments.integer("reference-seconds", 10);
        int receiverThreads = arguments.integer("receiver-threads", 16);
        boolean eventsFeed = switch (arguments.text("feed").orElse("tips")) {
            case "tips" -> false;
            case "events" -> true;
            default -> throw new IllegalArgumentException("--feed=tips|events");
        };
        if (rate < 1 || rate > 1000 || seconds < 1 || partnerCount < 2 || partnerCount > 500 || failingAfter < 1
                || referenceSeconds < 1 || receiverThreads < 1 || receiverThreads > 256) {
            throw new IllegalArgumentException("1 <= --rate <= 1000, 2 <= --partners <= 500 (one of them stalls),"
                    + " 1 <= --receiver-threads <= 256, durations >= 1");
        }
        for (String module : List.of("intake-service", "routing-service", "directory-service", "followup-service")) {
            if (!Files.isRegularFile(root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"))) {
                throw new IllegalStateException(module + " is not packaged: run ./mvnw -DskipTests package in the"
                        + " repository first (or pass --root=<repository root>)");
            }
        }

        Machine.print("Hotline webhook delivery benchmark");
        System.out.printf("%d partners (one never answers), %d %s/s for %d s, round robin; routing's retry horizon"
                + " %d s for this run (24 h shipped)%n", partnerCount, rate,
                eventsFeed ? "referral events committed straight into routing's partner event log" : "tips", seconds,
                failingAfter);
        Path data = ScratchFolder.create();
        int[] ports = FreePorts.allocate(7);
        StackOptions options = StackOptions.defaults(root).withDataDirectory(data)
                .withPorts(ports[0], ports[1], ports[2], ports[3], ports[4], ports[5], ports[6]);
        // All tips come from this one client: intake's per-client limit would refuse the load.
        Map<String, Map<String, String>> extra = Map.of(
                "intake-service", Map.of("hotline.intake.submissions.per-client", "1000000000"),
                "routing-service", Map.of("hotline.routing.webhooks.retry.horizon", failingAfter + "s"));
        try (LocalStack stack = LocalStack.start(options, System.out, extra);
                WebhookReceivers receivers = new WebhookReceivers(receiverThreads)) {
            String jdbcUrl = stack.postgres().jdbcUrl();
            String admin = stack.tokens().mint("webhook-benchmark", "admin", null, Duration.ofHours(2));

            List<Partner> partners = createPartners(stack.url("directory-service"), admin, partnerCount);
            awaitInRoutingsReadModel(jdbcUrl, partners, Duration.ofMinutes(2));
            for (Partner partner : partners) {
                receivers.secret(partner.name(), register(stack.url("routing-service"), admin, partner,
                        receivers.url(partner.name(), partner.stalls())));
            }
            Partner stalled = partners.get(0);
            List<Partner> healthy = partners.subList(1, partners.size());

            Latencies reference = rawReceiverPosts(receivers.referenceUrl(), Duration.ofSeconds(referenceSeconds));

            long loadStart = System.nanoTime();
            Map<String, Long> postedAt = eventsFeed ? commitEvents(jdbcUrl, partners, rate, Duration.ofSeconds(seconds))
                    : openLoop(stack.url("intake-service"), partners, rate, Duration.ofSeconds(seconds));
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
            long undecided = eventsFeed ? 0 : awaitDecided(jdbcUrl, Duration.ofMinutes(5));
            if (undecided > 0) {
                // Print what was delivered anyway: a run that falls behind is a figure too, not an exception.
                System.out.printf("%nNOT KEPT UP: after 5 minutes %d tips were still undecided or waiting in an"
                        + " outbox; the figures below cover what got through%n", undecided);
                printBacklog(jdbcUrl);
            }
            Map<UUID, Long> issued = countByOrganization(jdbcUrl, eventsFeed
                    ? "SELECT organization_id, count(*) FROM routing.partner_event GROUP BY organization_id"
                    : "SELECT organization_id, count(*) FROM routing.referral GROUP BY organization_id");
            Map<UUID, Long> logged = countByOrganization(jdbcUrl, "SELECT organization_id, count(*)"
                    + " FROM routing.partner_event WHERE event_type = '" + ISSUED + "' GROUP BY organization_id");
            boolean complete = awaitDelivered(receivers, healthy, issued, Duration.ofMinutes(5));

            print(reference, receivers, postedAt, loadSeconds, healthy, issued, logged, complete, eventsFeed);
            printStalled(jdbcUrl, receivers, stalled, issued, logged);
        } finally {
            ScratchFolder.deleteQuietly(data);
        }
    }

    // --- set-up ---

    /** Each partner: one open-24h labour-rights service whose area is its own ZIP code, verified today. */
    private static List<Partner> createPartners(String directory, String token, int count)
            throws IOException, InterruptedException {
        List<Partner> partners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "partner-%03d".formatted(i);
            String zip = Integer.toString(FIRST_ZIP + i);
            String body = """
                    {"name":"Webhook benchmark %s","description":"Synthetic partner of the webhook benchmark",\
                    "lawEnforcement":false,"emergencyDispatch":false,"lastVerifiedOn":"%s",\
                    "services":[{"name":"Labor rights clinic","needs":["LABOR_RIGHTS"],\
                    "hours":{"timeZone":"America/Los_Angeles","open24h":true,"weekly":[],"closedDates":[]},\
                    "area":{"national":false,"postalCodes":["%s"]}}]}""".formatted(name, LocalDate.now(), zip);
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(directory + "/api/v1/organizations"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)), 201, "creating " + name);
            String location = answer.headers().firstValue("Location").orElseThrow(() ->
                    new IllegalStateException("POST /api/v1/organizations answered without a Location"));
            UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
            partners.add(new Partner(name, id, zip, i == 0));
        }
        return partners;
    }

    /** Routing decides from its own read model: the partners must be in it before the first tip. */
    private static void awaitInRoutingsReadModel(String jdbcUrl, List<Partner> partners, Duration timeout)
            throws SQLException, InterruptedException {
        long giveUp = System.nanoTime() + timeout.toNanos();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement q = db.prepareStatement(
                        "SELECT count(*) FROM routing.directory_organization WHERE id = ANY (?)")) {
            q.setArray(1, db.createArrayOf("uuid", partners.stream().map(Partner::id).toArray(UUID[]::new)));
            while (System.nanoTime() < giveUp) {
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == partners.size()) {
                        return;
                    }
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("routing-service's read model did not get the partners within " + timeout);
    }

    /** The partner's subscription to its issued referrals, as its admin would register it; returns the secret. */
    private static String register(String routing, String token, Partner partner, String url)
            throws IOException, InterruptedException {
        String body = "{\"url\":\"" + url + "\",\"eventTypes\":[\"" + ISSUED + "\"]}";
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(routing + "/api/v1/partners/"
                + partner.id() + "/webhooks")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)), 201,
                "registering " + partner.name() + "'s webhook");
        Matcher secret = SECRET.matcher(answer.body());
        if (!secret.find()) {
            throw new IllegalStateException("The registration of " + partner.name() + " showed no secret");
        }
        return secret.group(1);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, int expected, String what)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException(what + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }

    // --- the reference and the load ---

    /**
     * The receiver's own floor: as many concurrent senders as routing has, each POSTing a body of a webhook's size
     * over a kept-alive connection and waiting for the 204.
     */
    private static Latencies rawReceiverPosts(String url, Duration time) throws Exception {
        String body = "{\"specversion\":\"1.0\",\"data\":\"" + "x".repeat(900) + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return ClosedLoop.run(ROUTING_SENDERS, time, () -> {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            return () -> client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
        });
    }

    /** Tips at a steady {@code rate}, tip i naming partner i's ZIP code (mod); each accepted tip's send time. */
    private static Map<String, Long> openLoop(String intake, List<Partner> partners, int rate, Duration time)
            throws Exception {
        Map<String, Long> postedAt = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(Math.max(8, rate));
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        long start = System.nanoTime();
        long total = rate * time.toSeconds();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String key = "webhooks-" + run + "-" + i;
            String zip = partners.get(i % partners.size()).zip();
            sent.add(senders.submit(() -> {
                long at = System.nanoTime();
                String reference = postTip(intake, key, zip);
                if (reference != null) {
                    postedAt.put(reference, at);
                }
                return null;
            }));
        }
        senders.shutdown();
        for (Future<?> s : sent) {
            s.get();
        }
        return postedAt;
    }

    /**
     * Referral events at a steady {@code rate}, event i to partner i (mod), each committed alone into routing's
     * partner event log as a decision's transaction would; each event's reference and commit time.
     */
    private static Map<String, Long> commitEvents(String jdbcUrl, List<Partner> partners, int rate, Duration time)
            throws Exception {
        EventCodec codec = new EventCodec();
        Map<String, Long> committedAt = new HashMap<>();
        long run = System.currentTimeMillis() / 1000 % 10_000;
        long total = rate * time.toSeconds();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement insert = db.prepareStatement("INSERT INTO routing.partner_event (event_id,"
                        + " organization_id, event_type, payload, occurred_at) VALUES (?, ?, ?, ?, ?)")) {
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Partner partner = partners.get(i % partners.size());
                String reference = String.format(Locale.ROOT, "TIP-%04d%06d", run, i);
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                ReferralIssued event = new ReferralIssued(UUID.randomUUID(), reference, partner.id(),
                        "Webhook benchmark " + partner.name(), Need.LABOR_RIGHTS, Urgency.NON_URGENT, false,
                        ConsentBasis.NOT_LAW_ENFORCEMENT, false, Set.of(),
                        new Location(null, null, "CA", partner.zip(), "US"), now);
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, partner.id());
                insert.setString(3, ISSUED);
                insert.setString(4, codec.encode(event));
                insert.setObject(5, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
                insert.executeUpdate();
                committedAt.put(reference, System.nanoTime());
            }
        }
        return committedAt;
    }

    /** A public web-form tip, anonymous, non-urgent, needing labour-rights help in one partner's ZIP code. */
    private static String postTip(String intake, String key, String zip) {
        String tip = """
                {"description":"Synthetic benchmark tip: workers are kept at a site and not paid",\
                "traffickingType":"LABOR","indicators":[],"needs":["LABOR_RIGHTS"],\
                "location":{"state":"CA","postalCode":"%s"}}""".formatted(zip);
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(intake + "/api/v1/tips"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(tip)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = REFERENCE.matcher(answer.body());
            return answer.statusCode() / 100 == 2 && m.find() ? m.group(1) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until every stored tip is decided and both outboxes on the way are empty, read as the database's owner;
     * returns what is still left (0 when it kept up).
     */
    private static long awaitDecided(String jdbcUrl, Duration timeout) throws SQLException, InterruptedException {
        long giveUp = System.nanoTime() + timeout.toNanos();
        long left = Long.MAX_VALUE;
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement q = db.createStatement()) {
            while (System.nanoTime() < giveUp) {
                try (ResultSet rs = q.executeQuery("SELECT (SELECT count(*) FROM intake.contact)"
                        + " - (SELECT count(*) FROM routing.decision)"
                        + " + (SELECT count(*) FROM intake.outbox) + (SELECT count(*) FROM routing.outbox)")) {
                    rs.next();
                    left = rs.getLong(1);
                    if (left == 0) {
                        return 0;
                    }
                }
                Thread.sleep(200);
            }
        }
        return left;
    }

    /** Where a run that fell behind stopped: the stage that holds the backlog names the bottleneck. */
    private static void printBacklog(String jdbcUrl) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement q = db.createStatement();
                ResultSet rs = q.executeQuery("SELECT (SELECT count(*) FROM intake.contact),"
                        + " (SELECT count(*) FROM intake.outbox), (SELECT count(*) FROM routing.decision),"
                        + " (SELECT count(*) FROM routing.outbox), (SELECT count(*) FROM routing.referral),"
                        + " (SELECT count(*) FROM routing.partner_event)")) {
            rs.next();
            System.out.printf("Backlog by stage: contacts stored %d, intake outbox %d, decisions %d, routing outbox %d,"
                    + " referrals %d, partner events %d%n", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    rs.getLong(5), rs.getLong(6));
        }
    }

    /** Waits until each healthy partner has every referral routing issued to it; false if time ran out. */
    private static boolean awaitDelivered(WebhookReceivers receivers, List<Partner> healthy, Map<UUID, Long> issued,
            Duration timeout) throws InterruptedException {
        long giveUp = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < giveUp) {
            if (healthy.stream().allMatch(p -> receivers.distinctIds(p.name()) >= issued.getOrDefault(p.id(), 0L))) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static Map<UUID, Long> countByOrganization(String jdbcUrl, String sql) throws SQLException {
        Map<UUID, Long> counts = new HashMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement q = db.createStatement(); ResultSet rs = q.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
            }
        }
        return counts;
    }

    // --- figures ---

    private static void print(Latencies reference, WebhookReceivers receivers, Map<String, Long> postedAt,
            double loadSeconds, List<Partner> healthy, Map<UUID, Long> issued, Map<UUID, Long> logged,
            boolean complete, boolean eventsFeed) {
        Map<String, List<Long>> fromPostByPartner = new LinkedHashMap<>();
        List<Long> fromPost = new ArrayList<>();
        List<Long> fromIssue = new ArrayList<>();
        long firstPost = postedAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long lastArrival = firstPost;
        for (Arrival arrival : receivers.arrivals().values()) {
            Long posted = arrival.reference() == null ? null : postedAt.get(arrival.reference());
            if (posted == null) {
                continue;
            }
            long nanos = arrival.receivedNanos() - posted;
            fromPost.add(nanos);
            fromPostByPartner.computeIfAbsent(arrival.partner(), p -> new ArrayList<>()).add(nanos);
            if (arrival.issuedAt() != null) {
                fromIssue.add(Duration.between(arrival.issuedAt(), arrival.receivedAt()).toNanos());
            }
            lastArrival = Math.max(lastArrival, arrival.receivedNanos());
        }
        double span = (lastArrival - firstPost) / 1e9;

        System.out.println();
        System.out.println("--- Reference (same machine, same run) ---");
        System.out.printf("JDK HttpServer on loopback answering raw POSTs of a webhook's size, %d concurrent senders"
                + " (routing's concurrency): %.0f/s, p50 %.2f ms, p99 %.2f ms (%d requests)%n", ROUTING_SENDERS,
                reference.perSecond(), reference.p50(), reference.p99(), reference.count());

        long expected = healthy.stream().mapToLong(p -> issued.getOrDefault(p.id(), 0L)).sum();
        long delivered = healthy.stream().mapToLong(p -> receivers.distinctIds(p.name())).sum();
        long loggedHealthy = healthy.stream().mapToLong(p -> logged.getOrDefault(p.id(), 0L)).sum();
        long partnersComplete = healthy.stream()
                .filter(p -> receivers.distinctIds(p.name()) == issued.getOrDefault(p.id(), 0L)).count();
        System.out.println();
        System.out.printf("--- %d healthy partners, %d %s in %.1f s (%.1f/s) ---%n", healthy.size(),
                postedAt.size(), eventsFeed ? "referral events committed" : "tips accepted", loadSeconds,
                postedAt.size() / loadSeconds);
        System.out.printf("Delivered: %d distinct webhook-ids of %d referrals routing issued to them (%d in its partner"
                + " event log); %d of %d partners got exactly theirs%s; repeated webhook-ids %d; bad signatures %d%n",
                delivered, expected, loggedHealthy, partnersComplete, healthy.size(),
                complete ? "" : " (gave up waiting after 5 minutes)", receivers.repeats(), receivers.badSignatures());
        System.out.printf("Deliveries/s: %.1f (from the first tip's POST to the last webhook's arrival, %.1f s)%n",
                fromPost.size() / span, span);
        print(eventsFeed ? "event committed -> webhook at the partner" : "POST /api/v1/tips -> webhook at the partner",
                Latencies.of(fromPost, span), reference);
        print("referral issuedAt -> webhook at the partner", Latencies.of(fromIssue, span), reference);
        double worstP99 = 0;
        String worst = "";
        double bestP99 = Double.MAX_VALUE;
        for (Map.Entry<String, List<Long>> partner : fromPostByPartner.entrySet()) {
            double p99 = Latencies.of(partner.getValue(), span).p99();
            if (p99 > worstP99) {
                worstP99 = p99;
                worst = partner.getKey();
            }
            bestP99 = Math.min(bestP99, p99);
        }
        System.out.printf("Per partner, POST -> webhook p99: best %.0f ms, worst %.0f ms (%s)%n",
                fromPostByPartner.isEmpty() ? Double.NaN : bestP99, worstP99, worst);
    }

    private static void print(String what, Latencies l, Latencies reference) {
        System.out.printf("%s: %d, p50 %.0f ms, p99 %.0f ms, max %.0f ms; p50 as a ratio to one raw receiver POST:"
                + " %.0fx%n", what, l.count(), l.p50(), l.p99(), l.maxMillis(), l.p50() / reference.p50());
    }

    private static void printStalled(String jdbcUrl, WebhookReceivers receivers, Partner stalled,
            Map<UUID, Long> issued, Map<UUID, Long> logged) throws SQLException {
        System.out.println();
        System.out.println("--- The stalled partner (" + stalled.name() + ", never answers) ---");
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            try (PreparedStatement q = db.prepareStatement("SELECT status, attempt, failing_since, next_attempt_at"
                    + " FROM routing.webhook_subscription WHERE organization_id = ?")) {
                q.setObject(1, stalled.id());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        System.out.printf("Subscription: status %s, head-of-line attempt %d, failing since %s, next"
                                + " attempt %s%n", rs.getString(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class),
                                rs.getObject(4, OffsetDateTime.class));
                    }
                }
            }
            System.out.printf("Attempts that reached its endpoint: %d; referrals issued to it %d, waiting in the"
                    + " partner event log %d%n", receivers.stalledAttempts(), issued.getOrDefault(stalled.id(), 0L),
                    logged.getOrDefault(stalled.id(), 0L));
            try (PreparedStatement q = db.prepareStatement("SELECT d.outcome, coalesce(d.error, ''), count(*),"
                    + " round(avg(d.duration_ms)) FROM routing.webhook_delivery d JOIN routing.webhook_subscription s"
                    + " ON s.id = d.subscription_id WHERE s.organization_id = ? GROUP BY 1, 2 ORDER BY 1, 2")) {
                q.setObject(1, stalled.id());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        System.out.printf("Deliveries log: %s %s x%d, %d ms on average%n", rs.getString(1),
                                rs.getString(2), rs.getLong(3), rs.getLong(4));
                    }
                }
            }
        }
    }
}
