package org.hotline.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.restassured.http.ContentType;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hotline.contracts.Topics;
import org.hotline.local.FreePorts;
import org.hotline.local.LocalPostgres;
import org.hotline.local.ServiceJvm;
import org.hotline.local.ServiceProcess;
import org.hotline.local.SigningKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kafka as production runs it (docker-compose.yml, deploy/): SASL SCRAM-SHA-512 over TLS, an ACL per service and per
 * partner, no access without one. A real broker process with that set-up; the packaged intake-service publishes
 * through it with nothing but configuration, and each principal reaches exactly its own topics: a partner its own
 * referrals topic, never another partner's or the shared hotline.referrals.v1.
 */
class SaslKafkaIT {

    private static final String STORE_PASSWORD = "test-store-secret";
    /** Two partner organisations that read Kafka, each logging in as partner-<organisation id> (deploy/). */
    private static final String PARTNER_A = "5eed0000-0000-4000-8000-018884287581";
    private static final String PARTNER_B = "5eed0000-0000-4000-8000-00000000ccc5";
    private static final Map<String, String> PASSWORDS = Map.of(
            "admin", "admin-secret", "intake", "intake-secret", "routing", "routing-secret",
            "partner-" + PARTNER_A, "partner-a-secret", "partner-" + PARTNER_B, "partner-b-secret");

    private static Path folder;
    private static Process broker;
    private static int port;
    private static LocalPostgres postgres;
    private static ServiceProcess intake;

    @BeforeAll
    static void startASecuredBroker() throws Exception {
        folder = Files.createTempDirectory("hotline-sasl-test");
        int[] ports = FreePorts.allocate(4);
        port = ports[0];
        createKeystores();
        Path config = writeBrokerConfig(ports[1]);
        List<String> format = new ArrayList<>(List.of("kafka.tools.StorageTool", "format", "-t",
                Uuid.randomUuid().toString(), "-c", config.toString()));
        PASSWORDS.forEach((user, password) -> format.addAll(List.of("--add-scram",
                "SCRAM-SHA-512=[name=" + user + ",password=" + password + "]")));
        assertThat(java(format).start().waitFor()).isZero();
        broker = java(List.of("kafka.Kafka", config.toString())).start();

        try (Admin admin = Admin.create(client("admin"))) {
            List<NewTopic> topics = new ArrayList<>(List.of(new NewTopic(Topics.INTAKE_TIPS, 3, (short) 1),
                    new NewTopic(Topics.INTAKE_CALLS, 3, (short) 1),
                    new NewTopic(Topics.REFERRALS, 3, (short) 1),
                    new NewTopic(Topics.ROUTING_DECISIONS, 3, (short) 1),
                    new NewTopic(Topics.FOLLOWUPS, 3, (short) 1)));
            List<AclBinding> acls = new ArrayList<>(List.of(
                    allow("intake", ResourceType.TOPIC, "hotline.intake.", PatternType.PREFIXED, AclOperation.WRITE),
                    allow("intake", ResourceType.TOPIC, "hotline.intake.", PatternType.PREFIXED,
                            AclOperation.DESCRIBE),
                    allow("intake", ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL,
                            AclOperation.IDEMPOTENT_WRITE),
                    // Intake reads decisions and follow-ups for its staff list (its dead letters are under its prefix).
                    allow("intake", ResourceType.TOPIC, Topics.ROUTING_DECISIONS, PatternType.LITERAL,
                            AclOperation.READ),
                    allow("intake", ResourceType.TOPIC, Topics.FOLLOWUPS, PatternType.LITERAL, AclOperation.READ),
                    allow("intake", ResourceType.TOPIC, Topics.ROUTING_DECISIONS, PatternType.LITERAL,
                            AclOperation.DESCRIBE),
                    allow("intake", ResourceType.TOPIC, Topics.FOLLOWUPS, PatternType.LITERAL,
                            AclOperation.DESCRIBE),
                    allow("intake", ResourceType.GROUP, "intake-service-", PatternType.PREFIXED, AclOperation.READ),
                    allow("routing", ResourceType.TOPIC, "hotline.intake.", PatternType.PREFIXED, AclOperation.READ),
                    allow("routing", ResourceType.GROUP, "routing-", PatternType.PREFIXED, AclOperation.READ),
                    // As deploy/ grants: routing writes every partner's own topic...
                    allow("routing", ResourceType.TOPIC, Topics.PARTNER_REFERRALS_PREFIX, PatternType.PREFIXED,
                            AclOperation.WRITE),
                    allow("routing", ResourceType.TOPIC, Topics.PARTNER_REFERRALS_PREFIX, PatternType.PREFIXED,
                            AclOperation.DESCRIBE)));
            // ...and each partner reads its own topic, in consumer groups named after it, and nothing else.
            for (String partner : List.of(PARTNER_A, PARTNER_B)) {
                Topics.Spec topic = Topics.partnerReferralsSpec(partner);
                topics.add(new NewTopic(topic.name(), topic.partitions(), (short) 1));
                acls.add(allow("partner-" + partner, ResourceType.TOPIC, topic.name(), PatternType.LITERAL,
                        AclOperation.READ));
                acls.add(allow("partner-" + partner, ResourceType.TOPIC, topic.name(), PatternType.LITERAL,
                        AclOperation.DESCRIBE));
                acls.add(allow("partner-" + partner, ResourceType.GROUP, "partner-" + partner, PatternType.PREFIXED,
                        AclOperation.READ));
            }
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        }

        postgres = LocalPostgres.start(Files.createDirectories(folder.resolve("postgres")), ports[2]);
        Path root = Path.of(System.getProperty("hotline.root", "..")).toAbsolutePath().normalize();
        Map<String, String> settings = new HashMap<>();
        settings.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        settings.put("kafka.bootstrap.servers", "localhost:" + port);
        settings.put("mp.jwt.verify.publickey.location", SigningKeys.loadOrCreate(folder.resolve("keys"))
                .jwksLocation());
        settings.put("kafka.security.protocol", "SASL_SSL");
        settings.put("kafka.sasl.mechanism", "SCRAM-SHA-512");
        // The broker's certificate as PEM, as docker compose and Kubernetes (Strimzi's cluster CA) hand it over.
        settings.put("kafka.ssl.truststore.location", folder.resolve("broker.crt").toString());
        settings.put("kafka.ssl.truststore.type", "PEM");
        Map<String, String> secrets = Map.of(
                "kafka.sasl.jaas.config", jaas("intake"),
                "hotline.intake.encryption.current-key", "sasl-test",
                "hotline.intake.encryption.keys.sasl-test", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        intake = ServiceProcess.start("intake-service",
                root.resolve("intake-service/target/quarkus-app/quarkus-run.jar"), ports[3], settings, secrets,
                ServiceJvm.detect(), folder.resolve("intake-service.log"));
        intake.awaitReady(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (intake != null) {
            intake.close();
        }
        if (broker != null) {
            broker.destroy();
            broker.waitFor(30, TimeUnit.SECONDS);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theServicePublishesThroughSaslOverTlsAndItsReaderReceivesTheEvent() {
        String reference = given().baseUri(intake.baseUrl()).contentType(ContentType.JSON)
                .body("{\"description\": \"published through SASL_SSL\"}")
                .post("/api/v1/tips").then().statusCode(202).extract().path("reference");

        Properties reader = client("routing");
        reader.put(ConsumerConfig.GROUP_ID_CONFIG, "routing-sasl-test");
        reader.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        reader.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        reader.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(reader)) {
            consumer.subscribe(List.of(Topics.INTAKE_TIPS));
            long deadline = System.currentTimeMillis() + 60_000;
            while (!keys.contains(reference) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    keys.add(record.key());
                }
            }
        }
        assertThat(keys).contains(reference);
    }

    @Test
    void aPrincipalReachesOnlyItsOwnTopics() {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producer("intake"))) {
            assertThat(refusedSend(producer, new ProducerRecord<>(Topics.REFERRALS, "k", "{}")))
                    .isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producer("routing"))) {
            assertThat(refusedSend(producer, new ProducerRecord<>(Topics.INTAKE_TIPS, "k", "{}")))
                    .isInstanceOfAny(TopicAuthorizationException.class,
                            org.apache.kafka.common.errors.ClusterAuthorizationException.class);
        }
    }

    @Test
    void aPartnerReadsItsOwnTopicAndIsRefusedEveryOtherTopicAndGroup() throws Exception {
        String mine = Topics.partnerReferrals(PARTNER_A);
        String theirs = Topics.partnerReferrals(PARTNER_B);
        String marker = UUID.randomUUID().toString();
        // Routing publishes to each partner's topic under its prefixed ACL.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producer("routing"))) {
            producer.send(new ProducerRecord<>(mine, PARTNER_A, "{\"referralId\": \"" + marker + "\"}"))
                    .get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(theirs, PARTNER_B, "{\"referralId\": \"" + UUID.randomUUID() + "\"}"))
                    .get(30, TimeUnit.SECONDS);
        }

        String user = "partner-" + PARTNER_A;
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumer(user, user + "-referrals"))) {
            consumer.subscribe(List.of(mine));
            long deadline = System.currentTimeMillis() + 60_000;
            while (values.stream().noneMatch(v -> v.contains(marker)) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    assertThat(record.key()).isEqualTo(PARTNER_A);
                    values.add(record.value());
                }
            }
        }
        assertThat(values).anyMatch(v -> v.contains(marker));

        // Another partner's topic, and the shared topic of every partner's referrals: refused.
        for (String topic : List.of(theirs, Topics.REFERRALS)) {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumer(user, user + "-referrals"))) {
                consumer.subscribe(List.of(topic));
                assertThat(refusal(consumer)).as(topic).isInstanceOf(TopicAuthorizationException.class);
            }
        }
        // Its own topic in a consumer group not named after it (here, the other partner's): refused.
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                consumer(user, "partner-" + PARTNER_B + "-referrals"))) {
            consumer.subscribe(List.of(mine));
            assertThat(refusal(consumer)).isInstanceOf(GroupAuthorizationException.class);
        }
        // Writing is not reading: routing may not consume a partner's topic.
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumer("routing", "routing-partner"))) {
            consumer.subscribe(List.of(mine));
            assertThat(refusal(consumer)).isInstanceOf(TopicAuthorizationException.class);
        }
        // Nor may a partner write, to its own topic or any other.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producer(user))) {
            assertThat(refusedSend(producer, new ProducerRecord<>(mine, PARTNER_A, "{}")))
                    .isInstanceOfAny(TopicAuthorizationException.class,
                            org.apache.kafka.common.errors.ClusterAuthorizationException.class);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Properties wrong = producer("intake");
        wrong.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"intake\" password=\"guessed\";");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(wrong)) {
            assertThat(refusedSend(producer, new ProducerRecord<>(Topics.INTAKE_TIPS, "k", "{}")))
                    .isInstanceOf(SaslAuthenticationException.class);
        }
    }

    /**
     * The broker's refusal of a send, as its root cause. An idempotent producer asks the broker for a producer id in
     * the background: when that is refused before {@code send} is called, {@code send} throws at once ("in an error
     * state", caused by the refusal); when after, the send's future fails with it. Which comes first is timing, so
     * either is accepted and the refusal itself is what is asserted.
     */
    private static Throwable refusedSend(KafkaProducer<String, String> producer, ProducerRecord<String, String> record) {
        Throwable refused = catchThrowable(() -> producer.send(record).get(30, TimeUnit.SECONDS));
        assertThat(refused).as("the send of " + record.topic() + " is refused").isNotNull();
        Throwable root = refused;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static AclBinding allow(String user, ResourceType type, String name, PatternType pattern,
            AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    /** The first failure polling brings within 30 seconds, or null when every poll succeeds. */
    private static RuntimeException refusal(KafkaConsumer<String, String> consumer) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                consumer.poll(Duration.ofMillis(500));
            } catch (RuntimeException e) {
                return e;
            }
        }
        return null;
    }

    private static Properties consumer(String user, String group) {
        Properties properties = client(user);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }

    private static Properties producer(String user) {
        Properties properties = client(user);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "25000");
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return properties;
    }

    private static Properties client(String user) {
        Properties properties = new Properties();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port);
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        properties.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(user));
        properties.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, folder.resolve("truststore.p12").toString());
        properties.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
        properties.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, STORE_PASSWORD);
        return properties;
    }

    private static String jaas(String user) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + PASSWORDS.get(user) + "\";";
    }

    /** A self-signed certificate for localhost, and a trust store holding only that certificate. */
    private static void createKeystores() throws IOException, InterruptedException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", folder.resolve("broker.p12").toString(), "-storepass", STORE_PASSWORD);
        run(keytool, "-exportcert", "-rfc", "-alias", "broker", "-keystore", folder.resolve("broker.p12").toString(),
                "-storepass", STORE_PASSWORD, "-file", folder.resolve("broker.crt").toString());
        run(keytool, "-importcert", "-noprompt", "-alias", "broker", "-file", folder.resolve("broker.crt").toString(),
                "-storetype", "PKCS12", "-keystore", folder.resolve("truststore.p12").toString(),
                "-storepass", STORE_PASSWORD);
    }

    private static Path writeBrokerConfig(int controllerPort) throws IOException {
        Path config = folder.resolve("server.properties");
        String keystore = folder.resolve("broker.p12").toString();
        String truststore = folder.resolve("truststore.p12").toString();
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=SASL_SSL://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=SASL_SSL://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=SASL_SSL",
                "listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT",
                "sasl.enabled.mechanisms=SCRAM-SHA-512",
                "sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512",
                "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=" + jaas("admin"),
                "ssl.keystore.type=PKCS12",
                "ssl.keystore.location=" + keystore,
                "ssl.keystore.password=" + STORE_PASSWORD,
                "ssl.truststore.type=PKCS12",
                "ssl.truststore.location=" + truststore,
                "ssl.truststore.password=" + STORE_PASSWORD,
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                // The broker itself, and the controller's own loopback listener, are the only super users.
                "super.users=User:admin;User:ANONYMOUS",
                "allow.everyone.if.no.acl.found=false",
                "log.dirs=" + folder.resolve("kafka-logs"),
                "num.partitions=3",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                ""));
        return config;
    }

    private static ProcessBuilder java(List<String> mainAndArgs) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("kafka.log").toFile()));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("keytool.log").toFile())).start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }
}
