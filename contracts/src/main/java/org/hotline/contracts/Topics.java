package org.hotline.contracts;

import java.util.List;

/**
 * Every Kafka topic of the system with the settings it must be created with. Launchers, tests and the deployment
 * manifests are checked against this list, so a topic is declared here once.
 */
public final class Topics {

    public static final String INTAKE_CALLS = "hotline.intake.calls.v1";
    public static final String INTAKE_TIPS = "hotline.intake.tips.v1";
    public static final String ROUTING_DECISIONS = "hotline.routing.decisions.v1";
    public static final String REFERRALS = "hotline.referrals.v1";
    public static final String DIRECTORY_ORGANIZATIONS = "hotline.directory.organizations.v1";
    public static final String FOLLOWUPS = "hotline.followups.v1";
    /** Records routing-service could not process, with the failure in headers. */
    public static final String ROUTING_DEAD_LETTER = "hotline.routing.dlq.v1";
    /** Records followup-service could not process, with the failure in headers. */
    public static final String FOLLOWUP_DEAD_LETTER = "hotline.followup.dlq.v1";

    /** Partitions of the event topics: enough for a few consumer instances per group. */
    public static final int DEFAULT_PARTITIONS = 3;

    /** A topic and how it is created. {@code compacted} keeps only the newest record per key. */
    public record Spec(String name, int partitions, boolean compacted) {
    }

    public static final List<Spec> ALL = List.of(
            new Spec(INTAKE_CALLS, DEFAULT_PARTITIONS, false),
            new Spec(INTAKE_TIPS, DEFAULT_PARTITIONS, false),
            new Spec(ROUTING_DECISIONS, DEFAULT_PARTITIONS, false),
            new Spec(REFERRALS, DEFAULT_PARTITIONS, false),
            new Spec(DIRECTORY_ORGANIZATIONS, DEFAULT_PARTITIONS, true),
            new Spec(FOLLOWUPS, DEFAULT_PARTITIONS, false),
            new Spec(ROUTING_DEAD_LETTER, 1, false),
            new Spec(FOLLOWUP_DEAD_LETTER, 1, false));

    private Topics() {
    }
}
