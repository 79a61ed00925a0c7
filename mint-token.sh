#!/usr/bin/env bash
# Prints a bearer token for the local run (./run-local.sh):
#   ./mint-token.sh agent | supervisor | admin | partner
# Use it as: curl -H "Authorization: Bearer $(./mint-token.sh supervisor)" localhost:8083/api/v1/followups
# The local run's services trust its Keycloak: the token is that role's demo user's, asked from Keycloak (password
# grant of the realm's hotline-cli client, valid 60 minutes). After ./run-local.sh --sign-in=off they trust the
# development key in ./data/keys instead, and the token is signed with it:
#   ./mint-token.sh partner --organization=<organisation id> [--subject=<name>] [--minutes=60]
# Option in both cases: --data=<the folder given to run-local.sh, default ./data>
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -f local-stack/target/local-stack.jar ]; then
  ./mvnw -B -q -DskipTests -pl local-stack -am package >&2
fi
exec java -cp "local-stack/target/local-stack.jar:local-stack/target/lib/*" org.hotline.local.MintToken "$@"
