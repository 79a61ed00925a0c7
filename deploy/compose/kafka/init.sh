#!/bin/sh
# docker-compose.yml's kafka-init, run once the broker is healthy: the services' SCRAM logins, exactly the topics of
# org.hotline.contracts.Topics.ALL (and one per partner on Kafka, see below), and each service's ACLs — what it
# publishes (Write), what it consumes (Read, and its consumer group), nothing else. DeploymentConfigTest checks the
# topics and the ACLs against the code, and the same ACLs against deploy/base/kafka/users.yaml. Every command is safe
# to repeat (a restart changes nothing).
#
# Partners never read hotline.referrals.v1: it holds every partner's referrals and an ACL cannot restrict a reader to
# its own keys. A partner that wants Kafka is listed in HOTLINE_KAFKA_PARTNERS and gets a topic of its own, which
# routing-service fills with that partner's referral events, a login partner-<id> and ACLs for that topic only (the
# loop at the end); the others use routing-service's partner feed over HTTP (docs/security.md).
set -eu
umask 077
admin_password=$(cat /secrets/kafka-admin.password)
cat > /tmp/admin.properties <<PROPERTIES
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$admin_password";
ssl.truststore.type=PEM
ssl.truststore.location=/secrets/broker.crt
PROPERTIES
bootstrap="--bootstrap-server kafka:19092 --command-config /tmp/admin.properties"
bin=/opt/kafka/bin

for user in intake routing directory followup; do
  $bin/kafka-configs.sh $bootstrap --alter --entity-type users --entity-name "$user" \
    --add-config "SCRAM-SHA-512=[password=$(cat "/secrets/kafka-$user.password")]"
done

$bin/kafka-topics.sh $bootstrap --create --if-not-exists --replication-factor 1 --topic hotline.intake.calls.v1 --partitions 3
$bin/kafka-topics.sh $bootstrap --create --if-not-exists --replication-factor 1 --topic hotline.intake.tips.v1 --partitions 3
$bin/kafka-topics.sh $bootstrap --create --if-not-exists --replication-factor 1 --topic hotline.routing.decisions.v1 --partitions 3
$bin/kafka-topics.sh $bootstrap --create --if-not-exists --replication-factor 1 --topic hotline.referrals.v1 --partitions 3
$bin/kafka-topics.sh $bootstrap --create --if-not-exists --replication-factor 1 --topic hotline.directory.organizations.v1 --partitions 3 --config cleanup.policy=compact
$bin/kafka-topics.sh $bootstrap --create --if-not-exists --replication-factor 1 --topic hotline.directory.resources.v1 --partitions 1 --config cleanup.policy=compact
$bin/kafka-topics.sh $bootstrap --create --if-not-exists --replication-factor 1 --topic hotline.followups.v1 --partitions 3
$bin/kafka-topics.sh $bootstrap --create --if-not-exists --replication-factor 1 --topic hotline.calendar.closures.v1 --partitions 1 --config cleanup.policy=compact
$bin/kafka-topics.sh $bootstrap --create --if-not-exists --replication-factor 1 --topic hotline.cases.v1 --partitions 3
$bin/kafka-topics.sh $bootstrap --create --if-not-exists --replication-factor 1 --topic hotline.intake.dlq.v1 --partitions 1
$bin/kafka-topics.sh $bootstrap --create --if-not-exists --replication-factor 1 --topic hotline.routing.dlq.v1 --partitions 1
$bin/kafka-topics.sh $bootstrap --create --if-not-exists --replication-factor 1 --topic hotline.followup.dlq.v1 --partitions 1

acl() { $bin/kafka-acls.sh $bootstrap --add "$@"; }
# intake-service publishes calls, tips and cases, consumes decisions, follow-up events (the staff list's urgency and open
# follow-up) and issued referrals (who may open a contact's consented details), and dead-letters poison records.
acl --allow-principal User:intake --operation Write --operation Describe --topic hotline.intake.calls.v1
acl --allow-principal User:intake --operation Write --operation Describe --topic hotline.intake.tips.v1
acl --allow-principal User:intake --operation Write --operation Describe --topic hotline.cases.v1
acl --allow-principal User:intake --operation Read --operation Describe --topic hotline.routing.decisions.v1
acl --allow-principal User:intake --operation Read --operation Describe --topic hotline.followups.v1
acl --allow-principal User:intake --operation Read --operation Describe --topic hotline.referrals.v1
acl --allow-principal User:intake --operation Write --operation Read --operation Describe --topic hotline.intake.dlq.v1
acl --allow-principal User:intake --operation Read --group intake-service-decisions
acl --allow-principal User:intake --operation Read --group intake-service-followups
acl --allow-principal User:intake --operation Read --group intake-service-referrals
# routing-service consumes calls, tips, the directory, the resource library and the calendar closures (and reads the directory again to rebuild), publishes
# decisions and referrals (also to every partner's own topic, hotline.referrals.partner.<id>.v1), and dead-letters
# poison records.
acl --allow-principal User:routing --operation Read --operation Describe --topic hotline.intake.calls.v1
acl --allow-principal User:routing --operation Read --operation Describe --topic hotline.intake.tips.v1
acl --allow-principal User:routing --operation Read --operation Describe --topic hotline.directory.organizations.v1
acl --allow-principal User:routing --operation Read --operation Describe --topic hotline.directory.resources.v1
acl --allow-principal User:routing --operation Read --operation Describe --topic hotline.calendar.closures.v1
acl --allow-principal User:routing --operation Write --operation Describe --topic hotline.routing.decisions.v1
acl --allow-principal User:routing --operation Write --operation Describe --topic hotline.referrals.v1
acl --allow-principal User:routing --operation Write --operation Read --operation Describe --topic hotline.routing.dlq.v1
acl --allow-principal User:routing --operation Write --operation Describe --topic hotline.referrals.partner. \
  --resource-pattern-type prefixed
acl --allow-principal User:routing --operation Read --group routing-service
acl --allow-principal User:routing --operation Read --group routing-service-directory
acl --allow-principal User:routing --operation Read --group routing-service-resources
acl --allow-principal User:routing --operation Read --group routing-service-calendar
# directory-service publishes the organisations and the resource library (both compacted).
acl --allow-principal User:directory --operation Write --operation Describe --topic hotline.directory.organizations.v1
acl --allow-principal User:directory --operation Write --operation Describe --topic hotline.directory.resources.v1
# followup-service consumes decisions, publishes follow-up events and calendar closures, and dead-letters poison records.
acl --allow-principal User:followup --operation Read --operation Describe --topic hotline.routing.decisions.v1
acl --allow-principal User:followup --operation Write --operation Describe --topic hotline.followups.v1
acl --allow-principal User:followup --operation Write --operation Describe --topic hotline.calendar.closures.v1
acl --allow-principal User:followup --operation Write --operation Read --operation Describe --topic hotline.followup.dlq.v1
acl --allow-principal User:followup --operation Read --group followup-service
# ... and reads calls, tips, decisions, referrals and follow-ups for its statistics read model, in a group of its own
# (a rebuild reads the same topics assigned, without a group).
acl --allow-principal User:followup --operation Read --operation Describe --topic hotline.intake.calls.v1
acl --allow-principal User:followup --operation Read --operation Describe --topic hotline.intake.tips.v1
acl --allow-principal User:followup --operation Read --operation Describe --topic hotline.referrals.v1
acl --allow-principal User:followup --operation Read --operation Describe --topic hotline.followups.v1
acl --allow-principal User:followup --operation Read --group followup-service-statistics

# Partners on Kafka (HOTLINE_KAFKA_PARTNERS): each one's topic (one partition: its records share one key), its login
# with the password secrets-init generated, Read on that topic and on consumer groups named partner-<id>..., nothing
# else. Removing a partner from the list removes nothing here: delete its ACLs, user and topic by hand
# (deploy/README.md).
. /hotline/partners.sh
for id in $partners; do
  $bin/kafka-configs.sh $bootstrap --alter --entity-type users --entity-name "partner-$id" \
    --add-config "SCRAM-SHA-512=[password=$(cat "/secrets/kafka-partner-$id.password")]"
  $bin/kafka-topics.sh $bootstrap --create --if-not-exists --replication-factor 1 \
    --topic "hotline.referrals.partner.$id.v1" --partitions 1
  acl --allow-principal "User:partner-$id" --operation Read --operation Describe \
    --topic "hotline.referrals.partner.$id.v1"
  acl --allow-principal "User:partner-$id" --operation Read --group "partner-$id" --resource-pattern-type prefixed
done

$bin/kafka-topics.sh $bootstrap --list
$bin/kafka-acls.sh $bootstrap --list
