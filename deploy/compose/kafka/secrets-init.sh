#!/bin/sh
# Run once by docker-compose.yml's secrets-init (as root, in the apache/kafka image for its keytool) before anything
# else: generates every secret of the compose system into the volume mounted at /secrets, and never again (a second
# run finds .complete and stops, after making the password of any partner listed since). Nothing secret is in the
# repository or in docker-compose.yml.
#
#   broker.p12, store.password      the broker's TLS key and certificate (owner kafka, 0400)
#   broker.crt                      its certificate, which clients trust (PEM, world-readable: it is public)
#   kafka-<user>.password           SCRAM-SHA-512 passwords of admin and each service (owner kafka, 0400)
#   <service>.properties            what one service needs: its Kafka login (sasl.jaas.config) and, for intake,
#                                   the key-encryption key, for routing the key sealing partner webhooks' signing
#                                   secrets; read via QUARKUS_CONFIG_LOCATIONS (owner 185, 0400)
#   kafka-partner-<id>.password     SCRAM-SHA-512 password of each partner of HOTLINE_KAFKA_PARTNERS (owner kafka,
#                                   0400), to hand to that partner; made whenever a new partner is listed, even
#                                   after the first start (deploy/README.md, "Partners on Kafka")
#
# Rotate a secret: stop the system, delete the file (or .complete and everything) from the volume, start again;
# kafka-init sets the new SCRAM passwords. Rotating intake's key-encryption key that way would make sealed personal
# data unreadable: add a key instead (docs/security.md, "Key rotation").
set -eu
umask 077
cd /secrets

KAFKA_UID=1000   # the apache/kafka image's user, which runs the broker and kafka-init
SERVICE_UID=185  # the services' images' user (ubi9/openjdk-17-runtime)

random() { head -c 24 /dev/urandom | base64 | tr -d '\n+/='; }

# Routing's key sealing partner webhooks' signing secrets: 32 random bytes, Base64 (WebhookSecretSealer). Added to a
# volume made before webhooks existed too; never replaced (secrets sealed under it must stay readable).
routing_webhook_key() {
  if [ -f routing.properties ] && ! grep -q '^hotline.routing.webhooks.encryption.current-key=' routing.properties; then
    printf 'hotline.routing.webhooks.encryption.current-key=compose1\nhotline.routing.webhooks.encryption.keys.compose1=%s\n' \
      "$(head -c 32 /dev/urandom | base64 | tr -d '\n')" >> routing.properties
    echo "webhook sealing key generated for routing"
  fi
}

# Partners may be listed later than the first start: each new one gets its password now, existing ones keep theirs.
. /hotline/partners.sh
for id in $partners; do
  if [ ! -f "kafka-partner-$id.password" ]; then
    random > "kafka-partner-$id.password"
    chown "$KAFKA_UID" "kafka-partner-$id.password"
    chmod 0400 "kafka-partner-$id.password"
    echo "password generated for partner-$id"
  fi
done

if [ -f .complete ]; then
  routing_webhook_key
  echo "secrets exist already"
  exit 0
fi

random > store.password
for user in admin intake routing directory followup; do
  random > "kafka-$user.password"
done

keytool -genkeypair -alias broker -keyalg RSA -keysize 3072 -validity 825 -dname CN=kafka \
  -ext SAN=dns:kafka,dns:localhost,ip:127.0.0.1 -storetype PKCS12 -keystore broker.p12 \
  -storepass "$(cat store.password)"
keytool -exportcert -rfc -alias broker -keystore broker.p12 -storepass "$(cat store.password)" -file broker.crt

for service in intake routing directory followup; do
  printf 'kafka.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";\n' \
    "$service" "$(cat "kafka-$service.password")" > "$service.properties"
done
# Intake's key-encryption key: 32 random bytes, Base64 (KeyEncryptionKeys).
printf 'hotline.intake.encryption.current-key=compose1\nhotline.intake.encryption.keys.compose1=%s\n' \
  "$(head -c 32 /dev/urandom | base64 | tr -d '\n')" >> intake.properties
routing_webhook_key

chown "$KAFKA_UID" store.password broker.p12 kafka-*.password
chown "$SERVICE_UID" intake.properties routing.properties directory.properties followup.properties
chmod 0400 store.password broker.p12 kafka-*.password ./*.properties
chmod 0444 broker.crt
chmod 0755 /secrets
touch .complete
echo "secrets generated"
