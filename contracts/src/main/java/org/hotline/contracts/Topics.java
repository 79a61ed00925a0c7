package org.hotline.contracts;

import java.util.List;
import java.util.regex.Pattern;

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
    /** The directory's resource library (compacted: one record per resource; a tombstone when retired or deleted). */
    public static final String DIRECTORY_RESOURCES = "hotline.directory.resources.v1";
    public static final String FOLLOWUPS = "hotline.followups.v1";
    /** Operator closures of the business calendar, from followup-service (compacted: one record per closure). */
    public static final String CALENDAR_CLOSURES = "hotline.calendar.closures.v1";
    /** Cases (signals about one situation linked together), from intake-service: opened, updated, closed. */
    public static final String CASES = "hotline.cases.v1";
    /** Records intake-service could not process (decisions and follow-ups it reads), with the failure in headers. */
    public static final String INTAKE_DEAD_LETTER = "hotline.intake.dlq.v1";
    /** Records routing-service could not process, with the failure in headers. */
    public static final String ROUTING_DEAD_LETTER = "hotline.routing.dlq.v1";
    /** Records followup-service could not process, with the failure in headers. */
    public static final String FOLLOWUP_DEAD_LETTER = "hotline.followup.dlq.v1";

    /**
     * Start of every partner's own referrals topic (see {@link #partnerReferrals}). Routing may write to every topic
     * under it (a prefixed ACL); each partner may read only its own.
     */
    public static final String PARTNER_REFERRALS_PREFIX = "hotline.referrals.partner.";
    private static final String PARTNER_REFERRALS_SUFFIX = ".v1";
    /** Kafka's own limits on a topic name: these characters, at most 249 of them. */
    private static final Pattern LEGAL_TOPIC_NAME = Pattern.compile("[A-Za-z0-9._-]{1,249}");
    /** Every record of a partner topic has the partner's organisation id as its key: one partition holds them all. */
    public static final int PARTNER_REFERRALS_PARTITIONS = 1;

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
            new Spec(DIRECTORY_RESOURCES, 1, true),
            new Spec(FOLLOWUPS, DEFAULT_PARTITIONS, false),
            new Spec(CALENDAR_CLOSURES, 1, true),
            new Spec(CASES, DEFAULT_PARTITIONS, false),
            new Spec(INTAKE_DEAD_LETTER, 1, false),
            new Spec(ROUTING_DEAD_LETTER, 1, false),
            new Spec(FOLLOWUP_DEAD_LETTER, 1, false));

    /**
     * The topic that carries, besides {@link #REFERRALS}, the referral events of one partner organisation that reads
     * them from Kafka: {@code hotline.referrals.partner.<organizationId>.v1}. Not in {@link #ALL}: partner topics
     * are created by the deployment, one per partner that has a Kafka login.
     *
     * @throws IllegalArgumentException when the id would not make a legal Kafka topic name
     */
    public static String partnerReferrals(String organizationId) {
        if (organizationId == null || organizationId.isEmpty()) {
            throw new IllegalArgumentException("Organisation id missing: a partner topic is named after one");
        }
        String topic = PARTNER_REFERRALS_PREFIX + organizationId + PARTNER_REFERRALS_SUFFIX;
        if (!LEGAL_TOPIC_NAME.matcher(topic).matches()) {
            throw new IllegalArgumentException("Organisation id not usable in a Kafka topic name: it may hold only "
                    + "A-Z, a-z, 0-9, '.', '_' and '-', and make a name of at most 249 characters");
        }
        return topic;
    }

    /** How a partner's topic is created: one partition (its records share one key), not compacted. */
    public static Spec partnerReferralsSpec(String organizationId) {
        return new Spec(partnerReferrals(organizationId), PARTNER_REFERRALS_PARTITIONS, false);
    }

    private Topics() {
    }
}
