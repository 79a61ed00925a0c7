package org.hotline.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.hotline.contracts.Topics;
import org.hotline.local.TopicAdmin;

/**
 * A real Apache Kafka broker in KRaft mode (one combined broker and controller), run in this JVM by Kafka's own
 * test kit. Started once per test JVM; the system's topics are created as {@link Topics} declares them.
 */
public final class EmbeddedKafka {

    private static EmbeddedKafka shared;

    private final KafkaClusterTestKit cluster;
    private final Path baseDirectory;

    private EmbeddedKafka(KafkaClusterTestKit cluster, Path baseDirectory) {
        this.cluster = cluster;
        this.baseDirectory = baseDirectory;
    }

    /** The broker of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedKafka shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-kafka-stop"));
        }
        return shared;
    }

    private static EmbeddedKafka start() {
        // A broker that loses its log directory halts the JVM; in a test JVM that turns a passed run into a crashed
        // fork. Tests never want Kafka to end their JVM.
        Exit.setHaltProcedure((status, message) -> System.err.println("Embedded Kafka asked to halt: " + message));
        Exit.setExitProcedure((status, message) -> System.err.println("Embedded Kafka asked to exit: " + message));
        try {
            // Our own folder, deleted only after the broker has closed (Kafka's temp folders are deleted by a
            // shutdown hook that can race the broker's own shutdown).
            Path baseDirectory = Files.createTempDirectory("hotline-kafka-");
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(baseDirectory)
                    .build())
                    // Topics are created explicitly, with their real settings; a typo must fail, not create one.
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("log.cleaner.backoff.ms", "1000")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            EmbeddedKafka kafka = new EmbeddedKafka(cluster, baseDirectory);
            kafka.createTopics(Topics.ALL);
            return kafka;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(props);
    }

    /** Creates topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(List<Topics.Spec> specs) {
        TopicAdmin.ensureTopics(bootstrapServers(), specs, (short) 1);
    }

    /** Access to the running brokers, for tests that stop and restart one. */
    public KafkaClusterTestKit cluster() {
        return cluster;
    }

    private void close() {
        try {
            cluster.close();
            try (var paths = Files.walk(baseDirectory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        } catch (Exception e) {
            // The JVM is exiting; nothing is left to protect.
        }
    }
}
