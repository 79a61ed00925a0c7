package org.hotline.local;

import java.nio.file.Path;

/**
 * Where the local stack keeps its data and which ports it uses (DESIGN §8 defaults), each overridable on the
 * command line as {@code --name=value}.
 */
public record StackOptions(Path repositoryRoot, Path dataDirectory, int postgresPort, int kafkaPort,
        int controllerPort, int intakePort, int directoryPort, int routingPort, int followupPort,
        ServiceJvm serviceJvm) {

    public static StackOptions defaults(Path repositoryRoot) {
        return new StackOptions(repositoryRoot, repositoryRoot.resolve("data"), 5432, 9092, 9093, 8080, 8081, 8082,
                8083, ServiceJvm.detect());
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
                        o.serviceJvm);
                case "data" -> o.withDataDirectory(Path.of(v).toAbsolutePath());
                case "postgres-port" -> new StackOptions(o.repositoryRoot, o.dataDirectory, Integer.parseInt(v),
                        o.kafkaPort, o.controllerPort, o.intakePort, o.directoryPort, o.routingPort, o.followupPort,
                        o.serviceJvm);
                case "kafka-port" -> new StackOptions(o.repositoryRoot, o.dataDirectory, o.postgresPort,
                        Integer.parseInt(v), o.controllerPort, o.intakePort, o.directoryPort, o.routingPort,
                        o.followupPort, o.serviceJvm);
                case "service-java-home" -> o.withServiceJvm(ServiceJvm.of(Path.of(v))
                        .withClassDataCache(o.serviceJvm.classDataCache()));
                case "class-data-cache" -> o.withServiceJvm(o.serviceJvm.withClassDataCache(onOff(kv[0], v)));
                default -> throw new IllegalArgumentException("Unknown option --" + kv[0] + " (known: --root, --data,"
                        + " --postgres-port, --kafka-port, --service-java-home, --class-data-cache=on|off)");
            };
        }
        return o;
    }

    private static boolean onOff(String name, String value) {
        return switch (value) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("--" + name + " is on or off, not " + value);
        };
    }

    /** The same stack with its services on another JVM (JDK, options, class-data cache). */
    public StackOptions withServiceJvm(ServiceJvm jvm) {
        return new StackOptions(repositoryRoot, dataDirectory, postgresPort, kafkaPort, controllerPort, intakePort,
                directoryPort, routingPort, followupPort, jvm);
    }

    public StackOptions withDataDirectory(Path data) {
        return new StackOptions(repositoryRoot, data, postgresPort, kafkaPort, controllerPort, intakePort,
                directoryPort, routingPort, followupPort, serviceJvm);
    }

    /** The same stack on other ports, e.g. free ones for a test. */
    public StackOptions withPorts(int postgres, int kafka, int controller, int intake, int directory, int routing,
            int followup) {
        return new StackOptions(repositoryRoot, dataDirectory, postgres, kafka, controller, intake, directory,
                routing, followup, serviceJvm);
    }
}
