#!/bin/sh
# The entrypoint of docker-compose.yml's kafka: one KRaft node (broker and controller) whose client listeners take
# only SASL SCRAM-SHA-512 over TLS, with ACLs enforced (StandardAuthorizer, nothing allowed without an ACL). The
# controller listener is bound to the container's loopback, so only the node itself reaches it.
# Secrets come from secrets-init (/secrets); the configuration is written to /tmp, inside the container only.
set -eu
umask 077
admin_password=$(cat /secrets/kafka-admin.password)
store_password=$(cat /secrets/store.password)
jaas="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"$admin_password\";"

cat > /tmp/server.properties <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:29093
controller.listener.names=CONTROLLER
# Containers use kafka:19092; the host uses localhost:9092. Both: SASL over TLS.
listeners=BROKER://:19092,HOST://:9092,CONTROLLER://localhost:29093
advertised.listeners=BROKER://kafka:19092,HOST://localhost:9092
listener.security.protocol.map=BROKER:SASL_SSL,HOST:SASL_SSL,CONTROLLER:PLAINTEXT
inter.broker.listener.name=BROKER
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.broker.scram-sha-512.sasl.jaas.config=$jaas
listener.name.host.scram-sha-512.sasl.jaas.config=$jaas
ssl.keystore.type=PKCS12
ssl.keystore.location=/secrets/broker.p12
ssl.keystore.password=$store_password
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
# admin: the broker itself and kafka-init. ANONYMOUS: the loopback controller listener.
super.users=User:admin;User:ANONYMOUS
allow.everyone.if.no.acl.found=false
log.dirs=/var/lib/kafka/data
# Topics exist only as declared in org.hotline.contracts.Topics (created by kafka-init).
auto.create.topics.enable=false
# One node: the internal topics cannot have more than one replica.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES

# What the health check (and an operator inside the container) connects with.
cat > /tmp/admin-client.properties <<PROPERTIES
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=$jaas
ssl.truststore.type=PEM
ssl.truststore.location=/secrets/broker.crt
PROPERTIES

# SCRAM credentials of the admin must exist before the first start (KRaft); the services' are set by kafka-init.
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted -t "$CLUSTER_ID" -c /tmp/server.properties \
  --add-scram "SCRAM-SHA-512=[name=admin,password=$admin_password]"
exec /opt/kafka/bin/kafka-server-start.sh /tmp/server.properties
