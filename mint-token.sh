#!/usr/bin/env bash
# Prints a bearer token for the local run (./run-local.sh), signed with its development key in ./data/keys:
#   ./mint-token.sh agent | supervisor | admin
#   ./mint-token.sh partner --organization=<organisation id>
# Use it as: curl -H "Authorization: Bearer $(./mint-token.sh supervisor)" localhost:8083/api/v1/followups
# Options: --subject=<name> --minutes=60 --data=<the folder given to run-local.sh, default ./data>
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f local-stack/target/local-stack.jar ]; then
  ./mvnw -B -q -DskipTests -pl local-stack -am package >&2
fi
exec java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" org.hotline.local.MintToken "$@"
