#!/usr/bin/env bash
# Redis memory per 1,000 end users and per 1,000 live verifications, for docs/operations.md
# ("Sizing"). Starts the bot in the local profile (its embedded redis-server, the outbox instead
# of real providers), creates one customer, imports 1,000 end users through the admin API and
# starts 1,000 verifications through the API, reading Redis's INFO memory and MEMORY USAGE
# around each step. Nothing here touches a Redis of yours.
#
#   deploy/sizing/redis-memory.sh [path/to/bot-app.jar]     (default: bot-app/target/bot-app.jar)
#
# Needs java, curl and redis-cli. About a minute on two cores.
set -euo pipefail

JAR=${1:-bot-app/target/bot-app.jar}
USERS=1000
PORT=${PORT:-39781}
TOKEN=sizing-admin-token-0123456789abcdef
WORK=$(mktemp -d)
API=http://127.0.0.1:$PORT/api/v1
BOT=
trap 'if [ -n "$BOT" ]; then kill "$BOT" 2>/dev/null || true; wait "$BOT" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT

# Live for the whole run: the longest countdown a policy allows, and limits wide enough for 1,000
# starts by one technician within the window.
ADMIN_API_TOKEN=$TOKEN \
  HELPDESK_VERIFICATION_MAX_CHALLENGES_GLOBAL=100000 \
  java -jar "$JAR" --spring.profiles.active=local --server.port="$PORT" \
    --helpdesk.data-dir="$WORK/data" --logging.level.root=WARN \
    --logging.level.io.helpdeskverify.system=INFO >"$WORK/bot.log" 2>&1 &
BOT=$!

for _ in $(seq 1 240); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/actuator/health/readiness")" = 200 ] && break
  kill -0 "$BOT" 2>/dev/null || { cat "$WORK/bot.log"; exit 1; }
  sleep 0.5
done
REDIS_PORT=$(grep -o 'embedded redis-server [0-9.]* on 127.0.0.1:[0-9]*' "$WORK/bot.log" | head -1 | sed 's/.*://')
[ -n "$REDIS_PORT" ] || { echo "no embedded Redis port in the log" >&2; cat "$WORK/bot.log"; exit 1; }
r() { redis-cli -p "$REDIS_PORT" "$@"; }
used() { r MEMORY PURGE >/dev/null; r INFO memory | tr -d '\r' | sed -n 's/^used_memory://p'; }
keys() { r DBSIZE | tr -d '\r'; }
usage() { local total=0 n; for k in $(r --scan --pattern "$1"); do n=$(r MEMORY USAGE "$k" SAMPLES 0); total=$((total + ${n:-0})); done; echo "$total"; }
api() { curl -sS --fail-with-body -H "authorization: Bearer $TOKEN" "$@"; }
json() { api -H 'content-type: application/json' "$@"; }

echo "redis: $(r INFO server | tr -d '\r' | sed -n 's/^redis_version://p') (embedded) on port $REDIS_PORT"
json -X POST "$API/customers" -d '{"slug":"sizing","name":"Sizing","emailDomains":["sizing.example"],"defaultRegion":"DE",
  "policy":{"countdownSeconds":600,"maxChallengesPerUser":100,"maxChallengesPerTechnician":10000,"maxChallengesPerCustomer":100000}}' >/dev/null

# End users: name, email and a mobile (German mobile numbers, +49 151 1234 0000 and up).
{ echo "username,display_name,email,mobile"
  for i in $(seq 0 $((USERS - 1))); do printf 'user%04d,User %04d,user%04d@sizing.example,+49151123%05d\n' "$i" "$i" "$i" "$i"; done
} >"$WORK/users.csv"
events0=$(usage 'hv:events*'); keys0=$(keys); before=$(used)
api -X POST "$API/customers/sizing/end-users/import" -H 'content-type: text/csv' --data-binary @"$WORK/users.csv" >"$WORK/import.json"
events1=$(usage 'hv:events*'); keys1=$(keys); after_users=$(used)
echo "import: $(head -c 200 "$WORK/import.json")"

# Live verifications: one per end user, unanswered (SMS code into the outbox, the local stand-in).
outbox0=$(usage 'hv:outbox*')
for i in $(seq 0 $((USERS - 1))); do
  json -X POST "$API/verifications" -d "$(printf '{"customer":"sizing","user":"user%04d"}' "$i")" >/dev/null
done
events2=$(usage 'hv:events*'); keys2=$(keys); outbox2=$(usage 'hv:outbox*'); after_verifications=$(used)
one=$(r --scan --pattern 'hv:v:*' | head -1 || true)

users_total=$((after_users - before))
users_events=$((events1 - events0))
verifications_total=$((after_verifications - after_users))
verifications_events=$((events2 - events1))
verifications_outbox=$((outbox2 - outbox0))
echo
echo "1,000 end users:          used_memory +$users_total B (keys +$((keys1 - keys0))), of which events +$users_events B"
echo "                          without their events: $(( (users_total - users_events) / USERS )) B per end user"
echo "1,000 live verifications: used_memory +$verifications_total B (keys +$((keys2 - keys1))), of which events +$verifications_events B, the local outbox +$verifications_outbox B"
echo "                          without events and outbox: $(( (verifications_total - verifications_events - verifications_outbox) / USERS )) B per verification, with its events $(( (verifications_total - verifications_outbox) / USERS )) B"
echo "one verification's own key ($one): $(r MEMORY USAGE "$one" SAMPLES 0) B"
echo "keys naming user0001: $(r --scan --pattern '*user0001*' | tr '\n' ' ' || true)"
