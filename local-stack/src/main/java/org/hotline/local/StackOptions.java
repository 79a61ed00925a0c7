package org.hotline.local;

import java.nio.file.Path;

/**
 * Where the local stack keeps its data and which ports it uses (DESIGN §8 defaults), each overridable on the
 * command line as {@code --name=value}. {@code signIn} is the staff sign-in: Keycloak and the console, whose tokens
 * the services then verify; without it (tests of the services alone) the services verify the development key's
 * tokens ({@link SigningKeys}).
 */
public record StackOptions(Path repositoryRoot, Path dataDirectory, int postgresPort, int kafkaPort,
        int controllerPort, int intakePort, int directoryPort, int routingPort, int followupPort,
        ServiceJvm serviceJvm, SignIn signIn) {

    /** The console's and Keycloak's ports (Keycloak's health and metrics are on its management port). */
    public record SignIn(int consolePort, int keycloakPort, int keycloakManagementPort) {

        public static SignIn defaults() {
            return new SignIn(8084, 8180, 8190);
        }
    }

    /** The services alone, verifying development-key tokens: what the system tests start unless they ask for more. */
    public static StackOptions defaults(Path repositoryRoot) {
        return new StackOptions(repositoryRoot, repositoryRoot.resolve("data"), 5432, 9092, 9093, 8080, 8081, 8082,
                8083, ServiceJvm.detect(), null);
    }

    /** The command line's: the whole system, Keycloak and the console included unless {@code --sign-in=off}. */
    public static StackOptions parse(String[] args) {
        StackOptions o = defaults(Path.of("").toAbsolutePath()).withSignIn(SignIn.defaults());
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("Expected --name=value, got " + arg);
            }
            String v = kv[1];
            o = switch (kv[0]) {
                case "root" -> new StackOptions(Path.of(v).toAbsolutePath(), o.dataDirectory, o.postgresPort,
                        o.kafkaPort, o.controllerPort, o.intakePort, o.directoryPort, o.routingPort, o.followupPort,
                        o.serviceJvm, o.signIn);
                case "data" -> o.withDataDirectory(Path.of(v).toAbsolutePath());
                case "postgres-port" -> new StackOptions(o.repositoryRoot, o.dataDirectory, Integer.parseInt(v),
                        o.kafkaPort, o.controllerPort, o.intakePort, o.directoryPort, o.routingPort, o.followupPort,
                        o.serviceJvm, o.signIn);
                case "kafka-port" -> new StackOptions(o.repositoryRoot, o.dataDirectory, o.postgresPort,
                        Integer.parseInt(v), o.controllerPort, o.intakePort, o.directoryPort, o.routingPort,
                        o.followupPort, o.serviceJvm, o.signIn);
                case "service-java-home" -> o.withServiceJvm(ServiceJvm.of(Path.of(v))
                        .withClassDataCache(o.serviceJvm.classDataCache()));
                case "class-data-cache" -> o.withServiceJvm(o.serviceJvm.withClassDataCache(onOff(kv[0], v)));
                case "sign-in" -> o.withSignIn(onOff(kv[0], v) ? SignIn.defaults() : null);
                case "console-port" -> o.withSignIn(new SignIn(Integer.parseInt(v), o.requireSignIn().keycloakPort(),
                        o.requireSignIn().keycloakManagementPort()));
                case "keycloak-port" -> o.withSignIn(new SignIn(o.requireSignIn().consolePort(), Integer.parseInt(v),
                        o.requireSignIn().keycloakManagementPort()));
                default -> throw new IllegalArgumentException("Unknown option --" + kv[0] + " (known: --root, --data,"
                        + " --postgres-port, --kafka-port, --service-java-home, --class-data-cache=on|off,"
                        + " --sign-in=on|off, --console-port, --keycloak-port)");
            };
        }
        return o;
    }

    private SignIn requireSignIn() {
        if (signIn == null) {
            throw new IllegalArgumentException("--sign-in=off: there is no console or Keycloak to give a port");
        }
        return signIn;
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
                directoryPort, routingPort, followupPort, jvm, signIn);
    }

    public StackOptions withDataDirectory(Path data) {
        return new StackOptions(repositoryRoot, data, postgresPort, kafkaPort, controllerPort, intakePort,
                directoryPort, routingPort, followupPort, serviceJvm, signIn);
    }

    /** The same stack on other ports, e.g. free ones for a test. */
    public StackOptions withPorts(int postgres, int kafka, int controller, int intake, int directory, int routing,
            int followup) {
        return new StackOptions(repositoryRoot, dataDirectory, postgres, kafka, controller, intake, directory,
                routing, followup, serviceJvm, signIn);
    }

    /** With (or, given null, without) Keycloak and the console. */
    public StackOptions withSignIn(SignIn ports) {
        return new StackOptions(repositoryRoot, dataDirectory, postgresPort, kafkaPort, controllerPort, intakePort,
                directoryPort, routingPort, followupPort, serviceJvm, ports);
    }
}
