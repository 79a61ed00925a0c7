package org.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.hotline.contracts.EventType;
import org.hotline.contracts.Topics;
import org.hotline.local.LocalPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks {@code docker-compose.yml} and the Kubernetes manifests under {@code deploy/} against what the code
 * declares: the topics of {@link Topics#ALL}, the roles and schemas of {@link LocalPostgres#SERVICES}, and each
 * service's configuration. A plain unit test: it reads files and starts nothing.
 *
 * <p>The configuration check matters because MicroProfile Config silently ignores an environment variable that
 * names no key the service reads: a misspelt {@code QUARKUS_DATASOURCE_JDBC_URL} would leave the service on its
 * localhost default.
 */
class DeploymentConfigTest {

    /** Failsafe sets hotline.root; under surefire the working directory is system-tests/, so the root is "..". */
    private static final Path ROOT = Path.of(System.getProperty("hotline.root", ".."));
    private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final Path COMPOSE_INIT_SQL = DEPLOY.resolve("compose/init-hotline.sql");
    private static final Path COMPOSE_KAFKA_INIT = DEPLOY.resolve("compose/kafka/init.sh");
    private static final Path COMPOSE_BROKER = DEPLOY.resolve("compose/kafka/broker.sh");
    private static final Path COMPOSE_SECRETS_INIT = DEPLOY.resolve("compose/kafka/secrets-init.sh");
    private static final Path AUDIT_TRAIL_SQL = ROOT.resolve("local-stack/src/main/resources/db/audit-trail.sql");
    private static final Path PLATFORM_CONFIG =
            ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties");

    /**
     * Variables read by something other than the application's configuration files, so no key of theirs is there.
     * JAVA_OPTS_APPEND: read by the base image's run-java.sh to build the JVM command line. QUARKUS_PROFILE and
     * QUARKUS_CONFIG_LOCATIONS: Quarkus reads them itself, to choose the profile and extra configuration files.
     */
    private static final Set<String> STANDARD_VARIABLES =
            Set.of("JAVA_OPTS_APPEND", "QUARKUS_PROFILE", "QUARKUS_CONFIG_LOCATIONS");

    private static final Pattern TOPIC = Pattern.compile("--topic\\s+(\\S+)");
    private static final Pattern PARTITIONS = Pattern.compile("--partitions\\s+(\\d+)");
    private static final Pattern CLEANUP_POLICY = Pattern.compile("--config\\s+cleanup\\.policy=(\\S+)");
    private static final Pattern CREATE_ROLE = Pattern.compile("(?i)CREATE\\s+ROLE\\s+(\\w+)");
    private static final Pattern CREATE_SCHEMA =
            Pattern.compile("(?i)CREATE\\s+SCHEMA\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s+AUTHORIZATION\\s+(\\w+)");

    private static final YAMLMapper YAML = new YAMLMapper();

    private static JsonNode compose;
    /** Every document of every YAML file under deploy/, with the file it came from. */
    private static List<Manifest> manifests;

    private record Manifest(Path file, JsonNode doc) {

        String kind() {
            return doc.path("kind").asText();
        }

        String name() {
            return doc.path("metadata").path("name").asText();
        }

        String where() {
            return ROOT.relativize(file) + " (" + kind() + " " + name() + ")";
        }
    }

    @BeforeAll
    static void readFiles() throws IOException {
        List<JsonNode> composeDocs = readYaml(COMPOSE);
        assertThat(composeDocs).as("%s: one YAML document", COMPOSE).hasSize(1);
        compose = composeDocs.get(0);
        manifests = new ArrayList<>();
        for (Path file : yamlFilesUnder(DEPLOY)) {
            for (JsonNode doc : readYaml(file)) {
                manifests.add(new Manifest(file, doc));
            }
        }
    }

    // (a) ----------------------------------------------------------------------------------------------------------

    @Test
    void composeAndEveryManifestParseAndSayWhatTheyAre() throws IOException {
        assertThat(compose.path("services").isObject()).as("%s: has services", COMPOSE).isTrue();
        List<Path> files = yamlFilesUnder(DEPLOY);
        assertThat(files).as("YAML files under %s", DEPLOY).isNotEmpty();
        for (Path file : files) {
            assertThat(readYaml(file)).as("%s: at least one YAML document", file).isNotEmpty();
        }
        for (Manifest m : manifests) {
            assertThat(m.doc().path("apiVersion").asText()).as("%s: apiVersion", m.file()).isNotBlank();
            assertThat(m.kind()).as("%s: kind", m.file()).isNotBlank();
            if (!m.kind().equals("Kustomization")) {
                assertThat(m.name()).as("%s: metadata.name of a %s", m.file(), m.kind()).isNotBlank();
            }
        }
    }

    // (b) ----------------------------------------------------------------------------------------------------------

    @Test
    void composeCreatesExactlyTheDeclaredTopics() throws IOException {
        assertThat(textOf(composeService("kafka-init").path("entrypoint"))).as("%s kafka-init: runs %s", COMPOSE,
                COMPOSE_KAFKA_INIT).contains("/hotline/" + COMPOSE_KAFKA_INIT.getFileName());
        List<Topics.Spec> created = new ArrayList<>();
        List<Topics.Spec> perPartner = new ArrayList<>();
        for (String line : kafkaInitCommands()) {
            if (!line.contains("kafka-topics.sh") || !line.contains("--create")) {
                continue;
            }
            assertThat(line).as("%s: a restart must not fail on existing topics: %s", COMPOSE_KAFKA_INIT, line)
                    .contains("--if-not-exists");
            String topic = unquoted(group(TOPIC, line, COMPOSE_KAFKA_INIT + ": --topic in: " + line));
            int partitions = Integer.parseInt(group(PARTITIONS, line, COMPOSE_KAFKA_INIT + ": --partitions in: "
                    + line));
            Matcher policy = CLEANUP_POLICY.matcher(line);
            boolean compacted = policy.find() && policy.group(1).equals("compact");
            if (topic.contains(PARTNER_ID_VARIABLE)) {
                perPartner.add(new Topics.Spec(asSamplePartner(topic), partitions, compacted));
            } else {
                created.add(new Topics.Spec(topic, partitions, compacted));
            }
        }
        assertThat(created).as("%s: the topics it creates (name, partitions, compacted) against Topics.ALL",
                COMPOSE_KAFKA_INIT).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(perPartner).as("%s: the topic it creates for each partner of HOTLINE_KAFKA_PARTNERS",
                COMPOSE_KAFKA_INIT).containsExactly(Topics.partnerReferralsSpec(SAMPLE_PARTNER));

        assertThat(brokerProperties()).as("%s: brokers must not create undeclared topics", COMPOSE_BROKER)
                .containsEntry("auto.create.topics.enable", "false");
    }

    @Test
    void kafkaTopicResourcesAreExactlyTheDeclaredTopics() {
        JsonNode kafka = onlyOne("Kafka").doc();
        String cluster = kafka.path("metadata").path("name").asText();
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        assertThat(config.path("auto.create.topics.enable").asText()).as("Kafka %s: auto.create.topics.enable", cluster)
                .isEqualTo("false");
        assertThat(config.path("min.insync.replicas").asInt()).as("Kafka %s: min.insync.replicas", cluster)
                .isEqualTo(2);

        List<Topics.Spec> declared = new ArrayList<>();
        for (Manifest m : ofKind("KafkaTopic")) {
            JsonNode spec = m.doc().path("spec");
            String topic = spec.path("topicName").asText(m.name());
            assertThat(m.name()).as("%s: metadata.name is the topic's name", m.where()).isEqualTo(topic);
            String policy = spec.path("config").path("cleanup.policy").asText("delete");
            assertThat(policy).as("%s: cleanup.policy", m.where()).isIn("compact", "delete");
            declared.add(new Topics.Spec(topic, spec.path("partitions").asInt(), policy.equals("compact")));
            assertThat(spec.path("replicas").asInt()).as("%s: replicas", m.where()).isEqualTo(3);
            assertThat(m.doc().path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .as("%s: label strimzi.io/cluster names the Kafka resource", m.where()).isEqualTo(cluster);
        }
        // Partners' own topics are checked with their KafkaUsers (kubernetesPartnersEachHaveATopicALoginAndRouting).
        declared.removeIf(spec -> spec.name().startsWith(Topics.PARTNER_REFERRALS_PREFIX));
        assertThat(declared).as("KafkaTopic resources under %s (name, partitions, compacted) against Topics.ALL",
                DEPLOY).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    // (c) ----------------------------------------------------------------------------------------------------------

    @Test
    void everyComposeVariableNamesAKeyTheServiceReads() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String service : serviceModules()) {
            Set<String> readable = variablesRead(service);
            for (String variable : composeEnvironment(composeService(service)).keySet()) {
                if (!readable.contains(variable)) {
                    problems.add(COMPOSE + ": " + service + " sets " + variable + unknownKey(service));
                }
            }
        }
        assertThat(problems).as("environment variables that no configuration key of the service matches").isEmpty();
    }

    @Test
    void everyDeploymentVariableNamesAKeyTheServiceReads() throws IOException {
        Map<String, Manifest> deployments = deploymentsByService();
        List<String> problems = new ArrayList<>();
        for (String service : serviceModules()) {
            Set<String> readable = variablesRead(service);
            Manifest deployment = deployments.get(service);
            for (Map.Entry<String, String> variable : deploymentVariables(deployment).entrySet()) {
                if (!readable.contains(variable.getKey())) {
                    problems.add(variable.getValue() + ": " + service + " gets " + variable.getKey()
                            + unknownKey(service));
                }
            }
        }
        assertThat(problems).as("environment variables that no configuration key of the service matches").isEmpty();
    }

    // (d) ----------------------------------------------------------------------------------------------------------

    @Test
    void composePortsAreTheServicesHttpPorts() throws IOException {
        for (String service : serviceModules()) {
            int port = httpPort(service);
            JsonNode definition = composeService(service);
            List<int[]> published = composePorts(definition);
            assertThat(published).as("%s: %s publishes one port", COMPOSE, service).hasSize(1);
            assertThat(published.get(0)).as("%s: %s ports (host, container) against its quarkus.http.port",
                    COMPOSE, service).containsExactly(port, port);
            assertThat(textOf(definition.path("healthcheck").path("test")))
                    .as("%s: %s healthcheck asks its own port", COMPOSE, service)
                    .contains("localhost:" + port + "/q/health/ready");

            Path dockerfile = ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm");
            assertThat(Files.readAllLines(dockerfile)).as("%s: EXPOSE of quarkus.http.port", dockerfile)
                    .contains("EXPOSE " + port);
        }
    }

    @Test
    void deploymentAndServicePortsAreTheServicesHttpPorts() throws IOException {
        Map<String, Manifest> deployments = deploymentsByService();
        for (String service : serviceModules()) {
            int port = httpPort(service);
            Manifest deployment = deployments.get(service);
            JsonNode container = onlyContainer(deployment);
            JsonNode ports = container.path("ports");
            assertThat(ports.size()).as("%s: container ports", deployment.where()).isEqualTo(1);
            assertThat(ports.get(0).path("containerPort").asInt()).as("%s: containerPort against %s's "
                    + "quarkus.http.port", deployment.where(), service).isEqualTo(port);
            String portName = ports.get(0).path("name").asText();
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                JsonNode probePort = container.path(probe).path("httpGet").path("port");
                assertThat(probePort.isInt() ? probePort.asInt() == port : probePort.asText().equals(portName))
                        .as("%s: %s port %s is the http port %s", deployment.where(), probe, probePort, port)
                        .isTrue();
            }
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
                    .as("%s: readiness path", deployment.where()).isEqualTo("/q/health/ready");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
                    .as("%s: liveness path", deployment.where()).isEqualTo("/q/health/live");

            Manifest k8sService = ofKind("Service").stream().filter(m -> m.name().equals(service)).findFirst()
                    .orElseThrow(() -> new AssertionError("No Service " + service + " under " + DEPLOY));
            for (JsonNode servicePort : k8sService.doc().path("spec").path("ports")) {
                assertThat(servicePort.path("port").asInt()).as("%s: port", k8sService.where()).isEqualTo(port);
                JsonNode target = servicePort.path("targetPort");
                assertThat(target.isInt() ? target.asInt() == port : target.asText().equals(portName))
                        .as("%s: targetPort %s is the container's http port", k8sService.where(), target).isTrue();
            }
        }
    }

    // (e) ----------------------------------------------------------------------------------------------------------

    @Test
    void composeDatabaseHasTheLocalStacksRolesAndSchemas() throws IOException {
        String sql = Files.readString(COMPOSE_INIT_SQL);
        assertThat(allGroups(CREATE_ROLE, sql, 1)).as("%s: roles created", COMPOSE_INIT_SQL)
                .containsExactlyInAnyOrderElementsOf(LocalPostgres.SERVICES);
        assertSchemasOwnedByTheirRoles(sql, COMPOSE_INIT_SQL.toString());
        assertThat(sql).as("%s: creates the database", COMPOSE_INIT_SQL)
                .contains("CREATE DATABASE " + LocalPostgres.DATABASE);

        for (String role : LocalPostgres.SERVICES) {
            String service = role + "-service";
            Map<String, String> env = composeEnvironment(composeService(service));
            assertThat(env.get("QUARKUS_DATASOURCE_USERNAME")).as("%s: %s's database role", COMPOSE, service)
                    .isEqualTo(role);
            assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).as("%s: %s's database", COMPOSE, service)
                    .endsWith("/" + LocalPostgres.DATABASE);
            assertThat(serviceProperties(service)).as("%s application.properties: role and schema", service)
                    .containsEntry("quarkus.datasource.username", role)
                    .containsEntry("quarkus.flyway.schemas", role);
        }
    }

    @Test
    void postgresClusterHasTheLocalStacksRolesAndSchemas() {
        Manifest cluster = onlyOne("Cluster");
        JsonNode spec = cluster.doc().path("spec");
        JsonNode initdb = spec.path("bootstrap").path("initdb");
        assertThat(initdb.path("database").asText()).as("%s: bootstrap.initdb.database", cluster.where())
                .isEqualTo(LocalPostgres.DATABASE);
        String postInit = textOf(initdb.path("postInitApplicationSQL"));
        assertSchemasOwnedByTheirRoles(postInit, cluster.where() + " postInitApplicationSQL");

        Map<String, String> secretByRole = new TreeMap<>();
        for (JsonNode role : spec.path("managed").path("roles")) {
            assertThat(role.path("login").asBoolean()).as("%s: role %s can log in", cluster.where(),
                    role.path("name").asText()).isTrue();
            secretByRole.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText());
        }
        assertThat(secretByRole.keySet()).as("%s: managed.roles", cluster.where())
                .containsExactlyInAnyOrderElementsOf(LocalPostgres.SERVICES);

        // Each service logs in with the Secret that sets its role's password, and reaches the primary.
        String readWriteService = cluster.name() + "-rw";
        Map<String, Manifest> deployments = deploymentsByService();
        for (String role : LocalPostgres.SERVICES) {
            Manifest deployment = deployments.get(role + "-service");
            JsonNode env = onlyContainer(deployment).path("env");
            for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                JsonNode ref = envEntry(env, variable).path("valueFrom").path("secretKeyRef");
                assertThat(ref.path("name").asText()).as("%s: %s comes from the Secret of role %s",
                        deployment.where(), variable, role).isEqualTo(secretByRole.get(role));
            }
            Map<String, String> config = deploymentVariableValues(deployment);
            assertThat(config.get("QUARKUS_DATASOURCE_JDBC_URL")).as("%s: QUARKUS_DATASOURCE_JDBC_URL",
                    deployment.where()).isEqualTo("jdbc:postgresql://" + readWriteService + ":5432/"
                            + LocalPostgres.DATABASE);
            assertThat(config.get("KAFKA_BOOTSTRAP_SERVERS")).as("%s: KAFKA_BOOTSTRAP_SERVERS", deployment.where())
                    .isEqualTo(onlyOne("Kafka").name() + "-kafka-bootstrap:" + kafkaListener().path("port").asInt());
        }
    }

    @Test
    void productionOverlayRenamesImagesTheDeploymentsUse() {
        Set<String> used = new HashSet<>();
        for (Manifest deployment : ofKind("Deployment")) {
            used.add(onlyContainer(deployment).path("image").asText().replaceFirst(":[^:/]+$", ""));
        }
        Path overlay = DEPLOY.resolve("overlays/production/kustomization.yaml");
        List<Manifest> kustomizations = manifests.stream().filter(m -> m.file().equals(overlay)).toList();
        assertThat(kustomizations).as("%s", overlay).hasSize(1);
        for (JsonNode image : kustomizations.get(0).doc().path("images")) {
            // kustomize ignores an entry that matches no image, silently.
            assertThat(used).as("%s: images[].name %s is used by a Deployment", overlay, image.path("name"))
                    .contains(image.path("name").asText());
        }
    }

    // (f) Kafka security: SASL over TLS only, and per service exactly the ACLs its configuration needs ------------------

    /**
     * The topics each service publishes through its outbox. Not in a service's configuration (the outbox sends every
     * event to its type's topic), so declared here; consumption and dead letters come from application.properties.
     */
    private static final Map<String, Set<String>> PUBLISHES = Map.of(
            "intake", Set.of(Topics.INTAKE_CALLS, Topics.INTAKE_TIPS, Topics.CASES),
            "routing", Set.of(Topics.ROUTING_DECISIONS, Topics.REFERRALS),
            "directory", Set.of(Topics.DIRECTORY_ORGANIZATIONS, Topics.DIRECTORY_RESOURCES),
            "followup", Set.of(Topics.FOLLOWUPS, Topics.CALENDAR_CLOSURES));

    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.topic");
    /** A channel reading several topics (followup's statistics): a comma-separated list. */
    private static final Pattern INCOMING_TOPICS = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.topics");
    private static final Pattern INCOMING_GROUP = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id");
    private static final Pattern DEAD_LETTER_TOPIC =
            Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic");
    /**
     * Topics a service publishes under a prefix: routing copies each partner's referral events to that partner's own
     * topic ({@link Topics#partnerReferrals}), for the partners its configuration names.
     */
    private static final Map<String, Set<String>> PUBLISHES_UNDER_PREFIX = Map.of(
            "routing", Set.of(Topics.PARTNER_REFERRALS_PREFIX));
    private static final String ROUTING_PARTNERS_KEY = "hotline.routing.partner-topics.organizations";
    private static final String ROUTING_PARTNERS_VARIABLE = "HOTLINE_ROUTING_PARTNER_TOPICS_ORGANIZATIONS";
    private static final String COMPOSE_PARTNERS_VARIABLE = "HOTLINE_KAFKA_PARTNERS";
    /** How kafka-init's loop over the partners names one partner's organisation id. */
    private static final String PARTNER_ID_VARIABLE = "$id";
    /** An organisation id (the seed's DOJ task force) to instantiate kafka-init's per-partner commands with. */
    private static final String SAMPLE_PARTNER = "5eed0000-0000-4000-8000-018884287581";
    private static final Pattern ACL_LINE = Pattern.compile("^acl --allow-principal \"?User:([^\"\\s]+)\"? (.*)$");
    private static final Pattern OPERATION = Pattern.compile("--operation (\\w+)");
    private static final Pattern ACL_RESOURCE = Pattern.compile("--(topic|group) (\\S+)");
    private static final Pattern ACL_PATTERN_TYPE = Pattern.compile("--resource-pattern-type (\\w+)");

    /**
     * One permission: a Kafka user (the service's role name, or {@code partner-<organisation id>}) may do an
     * operation on a topic or group, named exactly ({@code literal}) or by a prefix ({@code prefixed}).
     */
    private record Grant(String user, String resourceType, String resource, String pattern, String operation) {
    }

    @Test
    void composeKafkaTakesOnlySaslScramOverTls() throws IOException {
        Map<String, String> broker = brokerProperties();
        Map<String, String> protocols = new TreeMap<>();
        for (String entry : broker.get("listener.security.protocol.map").split(",")) {
            String[] parts = entry.split(":");
            protocols.put(parts[0], parts[1]);
        }
        String controller = broker.get("controller.listener.names");
        protocols.forEach((listener, protocol) -> {
            if (!listener.equals(controller)) {
                assertThat(protocol).as("%s: listener %s", COMPOSE_BROKER, listener).isEqualTo("SASL_SSL");
            }
        });
        assertThat(broker.get("listeners")).as("%s: the plaintext controller listener is on the loopback only",
                COMPOSE_BROKER).contains(controller + "://localhost:");
        assertThat(broker).as("%s: SCRAM, and nothing without an ACL", COMPOSE_BROKER)
                .containsEntry("sasl.enabled.mechanisms", "SCRAM-SHA-512")
                .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("allow.everyone.if.no.acl.found", "false");

        for (String role : LocalPostgres.SERVICES) {
            String service = role + "-service";
            JsonNode definition = composeService(service);
            assertThat(composeEnvironment(definition)).as("%s: %s's Kafka client", COMPOSE, service)
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("QUARKUS_CONFIG_LOCATIONS", "/run/hotline-secrets/" + role + ".properties")
                    .doesNotContainKey("KAFKA_SASL_JAAS_CONFIG");
            assertThat(textOf(definition.path("volumes"))).as("%s: %s mounts the generated secrets", COMPOSE, service)
                    .contains("hotline-secrets:/run/hotline-secrets:ro");
        }
        String secrets = Files.readString(COMPOSE_SECRETS_INIT);
        assertThat(secrets).as("%s: every service's login, intake's key-encryption key and routing's webhook key",
                COMPOSE_SECRETS_INIT)
                .contains("for service in " + String.join(" ", LocalPostgres.SERVICES) + "; do")
                .contains("hotline.intake.encryption.current-key=")
                .contains("hotline.routing.webhooks.encryption.current-key=")
                .doesNotContain("allow-loopback");
        assertThat(Files.readString(COMPOSE)).as("%s: no Kafka password written into it", COMPOSE)
                .doesNotContainIgnoringCase("ScramLoginModule");
    }

    @Test
    void kubernetesKafkaTakesOnlySaslScramOverTlsAndEachServiceLogsInAsItsUser() {
        JsonNode kafka = onlyOne("Kafka").doc().path("spec").path("kafka");
        for (JsonNode listener : kafka.path("listeners")) {
            assertThat(listener.path("tls").asBoolean()).as("Kafka listener %s: tls", listener.path("name")).isTrue();
            assertThat(listener.path("authentication").path("type").asText())
                    .as("Kafka listener %s: authentication", listener.path("name")).isEqualTo("scram-sha-512");
        }
        assertThat(kafka.path("authorization").path("type").asText()).as("Kafka: authorization").isEqualTo("simple");

        String cluster = onlyOne("Kafka").name();
        Map<String, Manifest> deployments = deploymentsByService();
        for (String role : LocalPostgres.SERVICES) {
            Manifest deployment = deployments.get(role + "-service");
            Map<String, String> config = deploymentVariableValues(deployment);
            assertThat(config).as("%s: Kafka client", deployment.where())
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
            JsonNode container = onlyContainer(deployment);
            JsonNode login = envEntry(container.path("env"), "KAFKA_SASL_JAAS_CONFIG").path("valueFrom")
                    .path("secretKeyRef");
            assertThat(login.path("name").asText() + "/" + login.path("key").asText())
                    .as("%s: the Kafka login comes from its KafkaUser's Secret", deployment.where())
                    .isEqualTo(kafkaUserName(role) + "/sasl.jaas.config");
            assertThat(mountedSecret(deployment, config.get("KAFKA_SSL_TRUSTSTORE_LOCATION")))
                    .as("%s: the truststore is Strimzi's cluster CA", deployment.where())
                    .isEqualTo(cluster + "-cluster-ca-cert");
        }
        Manifest intake = deployments.get("intake-service");
        assertThat(mountedSecret(intake, deploymentVariableValues(intake).get("QUARKUS_CONFIG_LOCATIONS")))
                .as("%s: the key-encryption keys come from a Secret", intake.where())
                .isEqualTo("hotline-intake-encryption");
        Manifest routing = deployments.get("routing-service");
        assertThat(mountedSecret(routing, deploymentVariableValues(routing).get("QUARKUS_CONFIG_LOCATIONS")))
                .as("%s: the key sealing webhook signing secrets comes from a Secret", routing.where())
                .isEqualTo("hotline-routing-webhooks-encryption");
    }

    /**
     * Plain http to loopback receivers is for the local run and the tests: a deployment that allowed it would let a
     * partner's webhook reach services on the host (server-side request forgery). Only the default, false, is deployed.
     */
    @Test
    void noDeploymentAdmitsLoopbackWebhookEndpoints() throws IOException {
        String variable = "HOTLINE_ROUTING_WEBHOOKS_ALLOW_LOOPBACK";
        assertThat(composeEnvironment(composeService("routing-service"))).as("%s: routing-service", COMPOSE)
                .doesNotContainKey(variable);
        Manifest routing = deploymentsByService().get("routing-service");
        assertThat(deploymentVariables(routing)).as("%s", routing.where()).doesNotContainKey(variable);
        assertThat(serviceProperties("routing-service").getProperty("hotline.routing.webhooks.allow-loopback",
                "false").strip()).as("routing-service application.properties: allow-loopback outside a profile")
                .isEqualTo("false");
        for (Manifest manifest : manifests) {
            assertThat(manifest.doc().toString()).as("%s", manifest.where()).doesNotContain("allow-loopback");
        }
    }

    @Test
    void composeAclsGrantEachServiceExactlyWhatItsConfigurationUses() throws IOException {
        Set<Grant> granted = new HashSet<>();
        Set<Grant> perPartner = new HashSet<>();
        for (String line : kafkaInitCommands()) {
            Matcher acl = ACL_LINE.matcher(line);
            if (!acl.matches()) {
                assertThat(line).as("%s: an ACL the test cannot read", COMPOSE_KAFKA_INIT).doesNotStartWith("acl ");
                continue;
            }
            Matcher resource = ACL_RESOURCE.matcher(acl.group(2));
            assertThat(resource.find()).as("%s: the topic or group of: %s", COMPOSE_KAFKA_INIT, line).isTrue();
            Matcher pattern = ACL_PATTERN_TYPE.matcher(acl.group(2));
            String patternType = pattern.find() ? pattern.group(1).toLowerCase(Locale.ROOT) : "literal";
            boolean partner = acl.group(1).contains(PARTNER_ID_VARIABLE);
            for (String operation : allGroups(OPERATION, acl.group(2), 1)) {
                Grant grant = new Grant(asSamplePartner(acl.group(1)), resource.group(1),
                        asSamplePartner(unquoted(resource.group(2))), patternType, operation);
                (partner ? perPartner : granted).add(grant);
            }
        }
        assertThat(granted).as("%s: the ACLs against what the services publish and consume", COMPOSE_KAFKA_INIT)
                .containsExactlyInAnyOrderElementsOf(expectedGrants());
        assertThat(perPartner).as("%s: the ACLs of each partner of %s (shown for %s)", COMPOSE_KAFKA_INIT,
                COMPOSE_PARTNERS_VARIABLE, SAMPLE_PARTNER)
                .containsExactlyInAnyOrderElementsOf(partnerGrants("partner-" + SAMPLE_PARTNER, SAMPLE_PARTNER));
        assertOnlyItsOwnTopicAndGroups(perPartner, SAMPLE_PARTNER, COMPOSE_KAFKA_INIT.toString());
    }

    @Test
    void composePartnersGetTheirLoginTopicAndAclsFromOneVariableThatRoutingReadsToo() throws IOException {
        String partnersSh = "partners.sh";
        String script = Files.readString(COMPOSE_KAFKA_INIT);
        String secrets = Files.readString(COMPOSE_SECRETS_INIT);
        assertThat(Files.readString(COMPOSE_KAFKA_INIT.resolveSibling(partnersSh)))
                .as("%s: reads the partners from %s", partnersSh, COMPOSE_PARTNERS_VARIABLE)
                .contains("${" + COMPOSE_PARTNERS_VARIABLE + ":-}");
        for (Map.Entry<Path, String> file : Map.of(COMPOSE_KAFKA_INIT, script, COMPOSE_SECRETS_INIT, secrets)
                .entrySet()) {
            assertThat(file.getValue()).as("%s: loops over the partners", file.getKey())
                    .contains(". /hotline/" + partnersSh).contains("for id in $partners; do");
        }
        assertThat(secrets).as("%s: a password per partner", COMPOSE_SECRETS_INIT)
                .contains("random > \"kafka-partner-$id.password\"");
        assertThat(kafkaInitCommands()).as("%s: the partner's login with that password", COMPOSE_KAFKA_INIT)
                .anyMatch(line -> line.contains("--entity-type users --entity-name \"partner-$id\"")
                        && line.contains("/secrets/kafka-partner-$id.password"));

        String sameList = "${" + COMPOSE_PARTNERS_VARIABLE + ":-}";
        for (String oneShot : List.of("secrets-init", "kafka-init")) {
            assertThat(composeEnvironment(composeService(oneShot))).as("%s: %s's partners", COMPOSE, oneShot)
                    .containsEntry(COMPOSE_PARTNERS_VARIABLE, sameList);
        }
        assertThat(composeEnvironment(composeService("routing-service")))
                .as("%s: routing-service copies referral events for the same partners", COMPOSE)
                .containsEntry(ROUTING_PARTNERS_VARIABLE, sameList);
        assertThat(variableOf(ROUTING_PARTNERS_KEY)).isEqualTo(ROUTING_PARTNERS_VARIABLE);
    }

    @Test
    void kubernetesPartnersEachHaveATopicALoginAndRouting() throws IOException {
        Map<String, Manifest> partnerUsers = new TreeMap<>();
        for (Manifest user : ofKind("KafkaUser")) {
            if (user.name().startsWith("hotline-partner-")) {
                partnerUsers.put(user.name().substring("hotline-partner-".length()), user);
            }
        }
        assertThat(partnerUsers).as("partner KafkaUsers under %s (at least the example)", DEPLOY).isNotEmpty();

        Map<String, Topics.Spec> partnerTopics = new TreeMap<>();
        for (Manifest m : ofKind("KafkaTopic")) {
            JsonNode spec = m.doc().path("spec");
            String topic = spec.path("topicName").asText(m.name());
            if (topic.startsWith(Topics.PARTNER_REFERRALS_PREFIX)) {
                partnerTopics.put(topic, new Topics.Spec(topic, spec.path("partitions").asInt(),
                        spec.path("config").path("cleanup.policy").asText("delete").equals("compact")));
            }
        }
        List<Topics.Spec> expectedTopics = partnerUsers.keySet().stream().map(Topics::partnerReferralsSpec).toList();
        assertThat(partnerTopics.values()).as("partner KafkaTopics: one per partner KafkaUser, as Topics declares it")
                .containsExactlyInAnyOrderElementsOf(expectedTopics);

        Manifest routing = deploymentsByService().get("routing-service");
        String listed = deploymentVariableValues(routing).getOrDefault(ROUTING_PARTNERS_VARIABLE, "");
        assertThat(Set.of(listed.strip().split("[\\s,]+"))).as("%s: %s names every partner with a KafkaUser",
                routing.where(), ROUTING_PARTNERS_VARIABLE).containsExactlyInAnyOrderElementsOf(partnerUsers.keySet());

        Path kustomization = DEPLOY.resolve("base/kustomization.yaml");
        String resources = manifests.stream().filter(m -> m.file().equals(kustomization)).findFirst()
                .orElseThrow().doc().path("resources").toString();
        for (Manifest user : partnerUsers.values()) {
            assertThat(resources).as("%s: lists %s", kustomization, user.file())
                    .contains("\"" + kustomization.getParent().relativize(user.file()).toString().replace('\\', '/')
                            + "\"");
        }
    }

    @Test
    void kafkaUserAclsGrantEachServiceExactlyWhatItsConfigurationUses() throws IOException {
        Set<Grant> granted = new HashSet<>();
        Set<Grant> expected = new HashSet<>(expectedGrants());
        for (Manifest user : ofKind("KafkaUser")) {
            JsonNode spec = user.doc().path("spec");
            assertThat(spec.path("authentication").path("type").asText()).as("%s: authentication", user.where())
                    .isEqualTo("scram-sha-512");
            assertThat(spec.path("authorization").path("type").asText()).as("%s: authorization", user.where())
                    .isEqualTo("simple");
            String role = user.name().replaceFirst("^hotline-", "");
            Set<Grant> own = new HashSet<>();
            for (JsonNode acl : spec.path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                String patternType = resource.path("patternType").asText("literal");
                assertThat(patternType).as("%s: patternType", user.where()).isIn("literal", "prefix");
                for (JsonNode operation : acl.path("operations")) {
                    own.add(new Grant(role, resource.path("type").asText(), resource.path("name").asText(),
                            patternType.equals("prefix") ? "prefixed" : "literal", operation.asText()));
                }
            }
            if (role.startsWith("partner-")) {
                String organizationId = role.substring("partner-".length());
                expected.addAll(partnerGrants(role, organizationId));
                assertOnlyItsOwnTopicAndGroups(own, organizationId, user.where());
            }
            granted.addAll(own);
        }
        assertThat(granted).as("KafkaUser ACLs under %s against what the services publish and consume, and each "
                + "partner's own topic", DEPLOY).containsExactlyInAnyOrderElementsOf(expected);
    }

    // (g) The services' READMEs say what they publish and consume -------------------------------------------------------

    private static final Pattern NAMED_TOPIC = Pattern.compile("hotline\\.[a-z0-9.-]*?\\.v\\d+");

    /**
     * Each service's README names every topic it publishes (the list above), consumes and dead-letters (its
     * application.properties), and every event type it publishes (the contracts' {@link EventType}s of those topics);
     * and every topic any README names is one the contracts declare. A README that forgets an event, or keeps one
     * that is gone, fails here.
     */
    @Test
    void everyServiceReadmeNamesTheTopicsAndEventTypesItPublishesAndConsumes() throws IOException {
        Set<String> declared = Topics.ALL.stream().map(Topics.Spec::name).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (String role : LocalPostgres.SERVICES) {
            Path readme = ROOT.resolve(role + "-service").resolve("README.md");
            String text = Files.readString(readme);
            Set<String> topics = new java.util.TreeSet<>(PUBLISHES.get(role));
            Properties properties = serviceProperties(role + "-service");
            for (String key : properties.stringPropertyNames()) {
                if (INCOMING_TOPIC.matcher(key).matches() || DEAD_LETTER_TOPIC.matcher(key).matches()) {
                    topics.add(properties.getProperty(key).trim());
                }
            }
            for (String topic : topics) {
                if (!text.contains(topic)) {
                    missing.add(readme + " does not name the topic " + topic);
                }
            }
            for (EventType type : EventType.values()) {
                if (PUBLISHES.get(role).contains(type.topic()) && !text.contains(type.type())) {
                    missing.add(readme + " does not name the event type it publishes " + type.type());
                }
            }
            Matcher named = NAMED_TOPIC.matcher(text);
            while (named.find()) {
                String topic = named.group();
                if (!declared.contains(topic) && !topic.startsWith(Topics.PARTNER_REFERRALS_PREFIX)) {
                    missing.add(readme + " names " + topic + ", a topic the contracts do not declare");
                }
            }
        }
        assertThat(missing).as("READMEs against the topics and events of the contracts").isEmpty();
    }

    /**
     * Publish: Write and Describe. Consume: Read and Describe on the topic, Read on the group. Dead letters: Write, and
     * Read to replay them (the redrive reads its dead-letter topic assigned, without a group).
     * Routing also writes every partner topic (a prefix), since its configuration names partners.
     */
    private static Set<Grant> expectedGrants() throws IOException {
        Set<Grant> grants = new HashSet<>();
        for (String role : LocalPostgres.SERVICES) {
            Properties properties = serviceProperties(role + "-service");
            Set<String> writes = new HashSet<>(PUBLISHES.get(role));
            for (String key : properties.stringPropertyNames()) {
                String value = properties.getProperty(key).trim();
                if (INCOMING_TOPIC.matcher(key).matches()) {
                    grants.add(new Grant(role, "topic", value, "literal", "Read"));
                    grants.add(new Grant(role, "topic", value, "literal", "Describe"));
                } else if (INCOMING_TOPICS.matcher(key).matches()) {
                    for (String topic : value.split(",")) {
                        grants.add(new Grant(role, "topic", topic.trim(), "literal", "Read"));
                        grants.add(new Grant(role, "topic", topic.trim(), "literal", "Describe"));
                    }
                } else if (INCOMING_GROUP.matcher(key).matches()) {
                    grants.add(new Grant(role, "group", value, "literal", "Read"));
                } else if (DEAD_LETTER_TOPIC.matcher(key).matches()) {
                    writes.add(value);
                    grants.add(new Grant(role, "topic", value, "literal", "Read"));
                }
            }
            for (String topic : writes) {
                grants.add(new Grant(role, "topic", topic, "literal", "Write"));
                grants.add(new Grant(role, "topic", topic, "literal", "Describe"));
            }
            for (String prefix : PUBLISHES_UNDER_PREFIX.getOrDefault(role, Set.of())) {
                grants.add(new Grant(role, "topic", prefix, "prefixed", "Write"));
                grants.add(new Grant(role, "topic", prefix, "prefixed", "Describe"));
            }
        }
        assertThat(serviceProperties("routing-service").stringPropertyNames())
                .as("routing-service names the partners whose topics it writes").contains(ROUTING_PARTNERS_KEY);
        return grants;
    }

    /** A partner: Read and Describe on its own topic, Read on consumer groups named after it (a prefix). */
    private static Set<Grant> partnerGrants(String user, String organizationId) {
        String topic = Topics.partnerReferrals(organizationId);
        return Set.of(new Grant(user, "topic", topic, "literal", "Read"),
                new Grant(user, "topic", topic, "literal", "Describe"),
                new Grant(user, "group", "partner-" + organizationId, "prefixed", "Read"));
    }

    /** Said once more, plainly: no other topic (hotline.referrals.v1 above all), no other partner's groups. */
    private static void assertOnlyItsOwnTopicAndGroups(Set<Grant> grants, String organizationId, String where) {
        assertThat(grants).as("%s: partner %s's ACLs", where, organizationId).isNotEmpty().allSatisfy(grant -> {
            if (grant.resourceType().equals("topic")) {
                assertThat(grant.resource()).isEqualTo(Topics.partnerReferrals(organizationId))
                        .isNotEqualTo(Topics.REFERRALS);
                assertThat(grant.pattern()).isEqualTo("literal");
            } else {
                assertThat(grant.resourceType()).isEqualTo("group");
                assertThat(grant.resource()).isEqualTo("partner-" + organizationId);
            }
            assertThat(grant.operation()).isIn("Read", "Describe");
        });
    }

    /** kafka-init's commands, one a line: continued lines joined, leading white space gone. */
    private static List<String> kafkaInitCommands() throws IOException {
        String script = Files.readString(COMPOSE_KAFKA_INIT).replace("\\\n", " ");
        return Stream.of(script.split("\n")).map(String::strip).map(line -> line.replaceAll("\\s+", " ")).toList();
    }

    /** kafka-init's per-partner text with the sample organisation id in place of the loop's variable. */
    private static String asSamplePartner(String text) {
        return text.replace(PARTNER_ID_VARIABLE, SAMPLE_PARTNER);
    }

    private static String unquoted(String text) {
        return text.replace("\"", "");
    }

    /** The environment variable MicroProfile Config reads a key from. */
    private static String variableOf(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    // (g) The audit trail, and bearer tokens --------------------------------------------------------------------------

    @Test
    void theAuditTrailIsProvisionedAsInTheLocalRun() throws IOException {
        String local = Files.readString(AUDIT_TRAIL_SQL);
        String composeSql = Files.readString(COMPOSE_INIT_SQL);
        Matcher include = Pattern.compile("(?m)^\\\\i (\\S+)$").matcher(composeSql);
        assertThat(include.find()).as("%s: includes the audit trail", COMPOSE_INIT_SQL).isTrue();
        assertThat(textOf(composeService("postgres").path("volumes")))
                .as("%s postgres: mounts local-stack's audit-trail.sql where %s includes it", COMPOSE, COMPOSE_INIT_SQL)
                .contains("./" + ROOT.relativize(AUDIT_TRAIL_SQL).toString().replace('\\', '/') + ":"
                        + include.group(1) + ":ro");

        Manifest configMap = ofKind("ConfigMap").stream().filter(m -> m.name().equals("hotline-audit-trail"))
                .findFirst().orElseThrow(() -> new AssertionError("No ConfigMap hotline-audit-trail under " + DEPLOY));
        assertThat(configMap.doc().path("data").path("audit-trail.sql").asText().strip())
                .as("%s: the same statements as %s", configMap.where(), AUDIT_TRAIL_SQL).isEqualTo(local.strip());
        JsonNode refs = onlyOne("Cluster").doc().path("spec").path("bootstrap").path("initdb")
                .path("postInitApplicationSQLRefs").path("configMapRefs");
        assertThat(refs.toString()).as("%s: runs the audit trail at bootstrap", onlyOne("Cluster").where())
                .contains("\"name\":\"hotline-audit-trail\"").contains("\"key\":\"audit-trail.sql\"");
    }

    @Test
    void everyServiceVerifiesTokensAgainstAConfiguredKeySet() throws IOException {
        for (String role : LocalPostgres.SERVICES) {
            assertThat(composeEnvironment(composeService(role + "-service")))
                    .as("%s: %s's JWK Set", COMPOSE, role).containsKey("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        }
        for (Manifest deployment : deploymentsByService().values()) {
            assertThat(deploymentVariableValues(deployment)).as("%s: issuer and JWK Set", deployment.where())
                    .containsKey("MP_JWT_VERIFY_ISSUER").containsKey("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        }
    }

    @Test
    void consoleAndKeycloakAreDeployedWithTheLocalRealm() throws IOException {
        JsonNode realm = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                ROOT.resolve("local-stack/src/main/resources/keycloak/hotline-realm.json").toFile());
        assertThat(onlyOne("KeycloakRealmImport").doc().path("spec").path("realm"))
                .as("deploy/: the KeycloakRealmImport's realm is local-stack's hotline-realm.json").isEqualTo(realm);
        assertThat(onlyOne("Keycloak").name()).isEqualTo(onlyOne("KeycloakRealmImport").doc().path("spec")
                .path("keycloakCRName").asText());
        Manifest console = ofKind("Deployment").stream().filter(d -> d.name().equals("console")).findFirst()
                .orElseThrow();
        assertThat(onlyContainer(console).path("ports").get(0).path("containerPort").asInt()).isEqualTo(8084);
        assertThat(deploymentVariables(console)).containsKey("QUARKUS_OIDC_AUTH_SERVER_URL")
                .containsKey("HOTLINE_CONSOLE_CLIENT_SECRET");

        JsonNode composeKeycloak = compose.path("services").path("keycloak");
        assertThat(textOf(composeKeycloak.path("volumes"))).as("%s: Keycloak imports the local realm", COMPOSE)
                .contains("./local-stack/src/main/resources/keycloak/hotline-realm.json:/opt/keycloak/data/import/");
        assertThat(composePorts(compose.path("services").path("console"))).singleElement()
                .satisfies(p -> assertThat(p).containsExactly(8084, 8084));
        for (String role : LocalPostgres.SERVICES) {
            assertThat(composeEnvironment(composeService(role + "-service")).get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"))
                    .as("%s: %s verifies Keycloak's JWK Set", COMPOSE, role)
                    .isEqualTo("http://keycloak:8080/realms/hotline/protocol/openid-connect/certs");
        }
    }

    // ----------------------------------------------------------------------------------------------------------------

    /** The broker configuration deploy/compose/kafka/broker.sh writes (its here-document). */
    private static Map<String, String> brokerProperties() throws IOException {
        String script = Files.readString(COMPOSE_BROKER);
        Matcher document = Pattern.compile("(?s)cat > /tmp/server\\.properties <<PROPERTIES\\n(.*?)\\nPROPERTIES")
                .matcher(script);
        assertThat(document.find()).as("%s: writes /tmp/server.properties", COMPOSE_BROKER).isTrue();
        Map<String, String> properties = new TreeMap<>();
        for (String line : document.group(1).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split("=", 2);
                properties.put(parts[0].strip(), parts[1].strip());
            }
        }
        return properties;
    }

    /** The only listener of the Strimzi Kafka resource. */
    private static JsonNode kafkaListener() {
        JsonNode listeners = onlyOne("Kafka").doc().path("spec").path("kafka").path("listeners");
        assertThat(listeners.size()).as("Kafka: listeners").isEqualTo(1);
        return listeners.get(0);
    }

    private static String kafkaUserName(String role) {
        return ofKind("KafkaUser").stream().map(Manifest::name).filter(name -> name.equals("hotline-" + role))
                .findFirst().orElseThrow(() -> new AssertionError("No KafkaUser hotline-" + role + " under " + DEPLOY));
    }

    /** The Secret mounted as a volume at the folder of {@code file} in the Deployment's container. */
    private static String mountedSecret(Manifest deployment, String file) {
        assertThat(file).as("%s: a file path", deployment.where()).isNotNull();
        JsonNode pod = deployment.doc().path("spec").path("template").path("spec");
        for (JsonNode mount : onlyContainer(deployment).path("volumeMounts")) {
            if (file.startsWith(mount.path("mountPath").asText() + "/")) {
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.path("name").asText().equals(mount.path("name").asText())) {
                        return volume.path("secret").path("secretName").asText();
                    }
                }
            }
        }
        throw new AssertionError(deployment.where() + ": no volume mounted where " + file + " is");
    }

    private static List<String> serviceModules() {
        return LocalPostgres.SERVICES.stream().map(role -> role + "-service").toList();
    }

    private static Properties serviceProperties(String service) throws IOException {
        return load(ROOT.resolve(service).resolve("src/main/resources/application.properties"));
    }

    private static int httpPort(String service) throws IOException {
        String port = serviceProperties(service).getProperty("quarkus.http.port");
        assertThat(port).as("%s application.properties: quarkus.http.port", service).isNotNull();
        return Integer.parseInt(port.trim());
    }

    /** The environment variable of every key the service's configuration files hold, by MicroProfile's rule. */
    private static Set<String> variablesRead(String service) throws IOException {
        Set<String> variables = new HashSet<>(STANDARD_VARIABLES);
        // Quarkus hands every kafka.* key (KAFKA_* variables included) to the Kafka clients as their configuration.
        for (Set<String> names : List.of(ProducerConfig.configNames(), ConsumerConfig.configNames(),
                AdminClientConfig.configNames())) {
            names.forEach(name -> variables.add("KAFKA_" + name.toUpperCase(Locale.ROOT).replace('.', '_')));
        }
        for (Properties properties : List.of(serviceProperties(service), load(PLATFORM_CONFIG))) {
            for (String key : properties.stringPropertyNames()) {
                variables.add(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
            }
        }
        return variables;
    }

    private static String unknownKey(String service) {
        return ", which matches no key of " + service + "/src/main/resources/application.properties or "
                + ROOT.relativize(PLATFORM_CONFIG) + " (MicroProfile Config would ignore it)";
    }

    private static Properties load(Path file) throws IOException {
        assertThat(file).as("configuration file").exists();
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<Path> yamlFilesUnder(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList();
        }
    }

    private static List<JsonNode> readYaml(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    private static JsonNode composeService(String name) {
        JsonNode service = compose.path("services").path(name);
        assertThat(service.isObject()).as("%s: service %s", COMPOSE, name).isTrue();
        return service;
    }

    /** A compose service's environment, in either of compose's forms (a map, or a list of NAME=value). */
    private static Map<String, String> composeEnvironment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode environment = service.path("environment");
        if (environment.isObject()) {
            environment.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        } else {
            for (JsonNode entry : environment) {
                String[] parts = entry.asText().split("=", 2);
                env.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        return env;
    }

    /** Published ports as (host, container), short ("[ip:]host:container") or long syntax. */
    private static List<int[]> composePorts(JsonNode service) {
        List<int[]> ports = new ArrayList<>();
        for (JsonNode port : service.path("ports")) {
            if (port.isObject()) {
                ports.add(new int[] { port.path("published").asInt(), port.path("target").asInt() });
            } else {
                String[] parts = port.asText().split(":");
                int container = Integer.parseInt(parts[parts.length - 1].replaceFirst("/.*", ""));
                int host = parts.length > 1 ? Integer.parseInt(parts[parts.length - 2]) : container;
                ports.add(new int[] { host, container });
            }
        }
        return ports;
    }

    private static List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    private static Manifest onlyOne(String kind) {
        List<Manifest> found = ofKind(kind);
        assertThat(found).as("%s resources under %s", kind, DEPLOY).hasSize(1);
        return found.get(0);
    }

    private static Map<String, Manifest> deploymentsByService() {
        Map<String, Manifest> byName = new TreeMap<>();
        for (Manifest deployment : ofKind("Deployment")) {
            if (deployment.name().equals("console")) {
                continue; // not one of the four services: consoleAndKeycloakAreDeployedWithTheLocalRealm
            }
            assertThat(byName.put(deployment.name(), deployment)).as("%s: a second Deployment of that name",
                    deployment.where()).isNull();
        }
        assertThat(byName.keySet()).as("Deployments under %s", DEPLOY)
                .containsExactlyInAnyOrderElementsOf(serviceModules());
        return byName;
    }

    private static JsonNode onlyContainer(Manifest deployment) {
        JsonNode containers = deployment.doc().path("spec").path("template").path("spec").path("containers");
        assertThat(containers.size()).as("%s: containers", deployment.where()).isEqualTo(1);
        return containers.get(0);
    }

    private static JsonNode envEntry(JsonNode env, String name) {
        for (JsonNode entry : env) {
            if (entry.path("name").asText().equals(name)) {
                return entry;
            }
        }
        throw new AssertionError("No environment variable " + name + " in " + env);
    }

    /**
     * Every variable a Deployment's container gets, with where it is set: its own env entries and the data keys of
     * the ConfigMaps it takes whole (envFrom). A Secret taken whole would hide the names, so it is refused.
     */
    private static Map<String, String> deploymentVariables(Manifest deployment) {
        Map<String, String> variables = new LinkedHashMap<>();
        JsonNode container = onlyContainer(deployment);
        for (JsonNode entry : container.path("env")) {
            variables.put(entry.path("name").asText(), deployment.where());
        }
        for (JsonNode source : container.path("envFrom")) {
            assertThat(source.has("secretRef")).as("%s: envFrom secretRef hides which variables are set; use env "
                    + "entries with secretKeyRef", deployment.where()).isFalse();
            Manifest configMap = configMap(source.path("configMapRef").path("name").asText(), deployment);
            assertThat(source.path("prefix").asText()).as("%s: envFrom prefix", deployment.where()).isEmpty();
            configMap.doc().path("data").fieldNames().forEachRemaining(key -> variables.put(key, configMap.where()
                    + " via " + deployment.where()));
        }
        return variables;
    }

    /** The literal values of a Deployment's variables (env value entries and ConfigMap data). */
    private static Map<String, String> deploymentVariableValues(Manifest deployment) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode container = onlyContainer(deployment);
        for (JsonNode source : container.path("envFrom")) {
            configMap(source.path("configMapRef").path("name").asText(), deployment).doc().path("data").fields()
                    .forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode entry : container.path("env")) {
            if (entry.has("value")) {
                values.put(entry.path("name").asText(), entry.path("value").asText());
            }
        }
        return values;
    }

    private static Manifest configMap(String name, Manifest user) {
        return ofKind("ConfigMap").stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(user.where() + ": ConfigMap " + name + " not found under "
                        + DEPLOY));
    }

    private static void assertSchemasOwnedByTheirRoles(String sql, String where) {
        Map<String, String> ownerBySchema = new TreeMap<>();
        Matcher schema = CREATE_SCHEMA.matcher(sql);
        while (schema.find()) {
            ownerBySchema.put(schema.group(1), schema.group(2));
        }
        assertThat(ownerBySchema.keySet()).as("%s: schemas created", where)
                .containsExactlyInAnyOrderElementsOf(LocalPostgres.SERVICES);
        ownerBySchema.forEach((name, owner) -> assertThat(owner).as("%s: owner of schema %s", where, name)
                .isEqualTo(name));
        assertThat(allGroups(CREATE_ROLE, sql, 1)).as("%s: roles created", where)
                .containsExactlyInAnyOrderElementsOf(LocalPostgres.SERVICES);
    }

    private static Set<String> allGroups(Pattern pattern, String text, int group) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(group));
        }
        return found;
    }

    private static String group(Pattern pattern, String text, String what) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(what).isTrue();
        return matcher.group(1);
    }

    /** A scalar's text, or an array's elements one a line (compose commands and SQL lists come in both forms). */
    private static String textOf(JsonNode node) {
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(element -> parts.add(element.asText()));
            return parts.stream().collect(Collectors.joining("\n"));
        }
        return node.asText();
    }
}
