# Sourced by secrets-init.sh and init.sh: the partners that read their referral events from Kafka, from
# HOTLINE_KAFKA_PARTNERS (organisation ids, as the directory has them, separated by commas or spaces; empty: none).
# Sets $partners to the ids in lower case, one space apart; stops the calling script on anything else than a UUID.
# routing-service gets the same variable (docker-compose.yml) and publishes each one's referral events to
# hotline.referrals.partner.<id>.v1 as well as hotline.referrals.v1.
partners=""
for id in $(printf '%s' "${HOTLINE_KAFKA_PARTNERS:-}" | tr ',A-Z' ' a-z'); do
  if ! printf '%s' "$id" | grep -Eqx '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'; then
    echo "HOTLINE_KAFKA_PARTNERS: '$id' is not an organisation id (a UUID)" >&2
    exit 1
  fi
  partners="$partners $id"
done
