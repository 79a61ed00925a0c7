#!/usr/bin/env bash
# Every benchmark, one after another, each printing the machine and its figures (docs/benchmarks.md):
# the whole system (intake tips/s and latency, end to end to the referral and the follow-up, start time and RSS of
# each service, with the PostgreSQL and Kafka references and ratios), directory search over 50,000 organisations,
# routing decisions over a 50,000-organisation read model, the backlog summary at 1,000,000 follow-ups, and partner
# webhooks (50 partners, one never answering, 200 referrals/s for 60 s), the statistics API over a year at
# 1,000,000 contacts with the read model's consumption rate, and case suggestions at 100,000 open cases (precision,
# recall and the time per signal), and the HSDS import of 50,000 third-party services beside PostgreSQL's raw insert rate.
# Usage: ./benchmark.sh [System|DirectorySearch|RoutingDecision|Backlog|WebhookDelivery|Statistics|CaseSuggestion|HsdsImport ...]
set -euo pipefail
cd "$(dirname "$0")"

benchmarks=("$@")
if [ ${#benchmarks[@]} -eq 0 ]; then
  benchmarks=(System DirectorySearch RoutingDecision Backlog WebhookDelivery Statistics CaseSuggestion HsdsImport)
fi
for name in "${benchmarks[@]}"; do
  case "$name" in
    System|DirectorySearch|RoutingDecision|Backlog|WebhookDelivery|Statistics|CaseSuggestion|HsdsImport) ;;
    *) echo "Unknown benchmark '$name' (known: System DirectorySearch RoutingDecision Backlog WebhookDelivery Statistics CaseSuggestion HsdsImport)" >&2
       exit 2 ;;
  esac
done

./mvnw -q -B -DskipTests package
classpath="benchmarks/target/benchmarks.jar:benchmarks/target/lib/*"
for name in "${benchmarks[@]}"; do
  echo
  echo "################ ${name}Benchmark ################"
  options=()
  if [ "$name" = Backlog ]; then
    options=(--followups=1000000 --requests=300 --pause-ms=50)  # a dashboard polling every 50 ms
  elif [ "$name" = WebhookDelivery ]; then
    options=(--rate=200 --seconds=60 --partners=50)             # issue 19's load
  elif [ "$name" = Statistics ]; then
    options=(--contacts=1000000 --days=365 --tips=20000)        # issue 17: a year at 1,000,000 contacts
  fi
  java -cp "$classpath" "org.hotline.benchmarks.${name}Benchmark" "${options[@]}"
done
