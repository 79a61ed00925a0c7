package org.hotline.local;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the local stack keeps its data and which ports it uses (DESIGN §8 defaults), each overridable on the
 * command line as {@code --name=value}.
 */
public record StackOptions(Path repositoryRoot, Path dataDirectory, int postgresPort, int kafkaPort,
        int controllerPort, int intakePort, int directoryPort, int routingPort, int followupPort,
        List<String> serviceJvmOptions) {

    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m",
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    public static StackOptions defaults(Path repositoryRoot) {
        return new StackOptions(repositoryRoot, repositoryRoot.resolve("data"), 5432, 9092, 9093, 8080, 8081, 8082,
                8083, DEFAULT_SERVICE_JVM_OPTIONS);
    }

    public static StackOptions parse(String[] args) {
        StackOptions o = defaults(Path.of("").toAbsolutePath());
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("Expected --name=value, got " + arg);
            }
            String v = kv[1];
            o = switch (kv[0]) {
                case "root" -> new StackOptions(Path.of(v).toAbsolutePath(), o.dataDirectory, o.postgresPort,
                        o.kafkaPort, o.controllerPort, o.intakePort, o.directoryPort, o.routingPort, o.followupPort,
                        o.serviceJvmOptions);
                case "data" -> o.withDataDirectory(Path.of(v).toAbsolutePath());
                case "postgres-port" -> new StackOptions(o.repositoryRoot, o.dataDirectory, Integer.parseInt(v),
                        o.kafkaPort, o.controllerPort, o.intakePort, o.directoryPort, o.routingPort, o.followupPort,
                        o.serviceJvmOptions);
                case "kafka-port" -> new StackOptions(o.repositoryRoot, o.dataDirectory, o.postgresPort,
                        Integer.parseInt(v), o.controllerPort, o.intakePort, o.directoryPort, o.routingPort,
                        o.followupPort, o.serviceJvmOptions);
                default -> throw new IllegalArgumentException("Unknown option --" + kv[0]
                        + " (known: --root, --data, --postgres-port, --kafka-port)");
            };
        }
        return o;
    }

    public StackOptions withDataDirectory(Path data) {
        return new StackOptions(repositoryRoot, data, postgresPort, kafkaPort, controllerPort, intakePort,
                directoryPort, routingPort, followupPort, serviceJvmOptions);
    }

    /** The same stack on other ports, e.g. free ones for a test. */
    public StackOptions withPorts(int postgres, int kafka, int controller, int intake, int directory, int routing,
            int followup) {
        return new StackOptions(repositoryRoot, dataDirectory, postgres, kafka, controller, intake, directory,
                routing, followup, serviceJvmOptions);
    }
}
