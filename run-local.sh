#!/usr/bin/env bash
# Runs the whole Hotline system on this machine without Docker: a real PostgreSQL and a real Apache Kafka broker
# (KRaft) on localhost, then the four services on ports 8080-8083. Data and logs stay in ./data (delete it to start
# afresh). Ctrl-C stops everything. Extra arguments go to the launcher, e.g. --data=/tmp/hotline --kafka-port=19092.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests package
exec java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" org.hotline.local.LocalStack "$@"
