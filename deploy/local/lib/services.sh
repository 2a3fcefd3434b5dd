# shellcheck shell=bash
# The four services as separate JVMs (one or more instances each), and the demo traffic. Each JVM is
# started by deploy/tools/run-quarkus: the JDK 25 find-jdk chose, the options in deploy/local/jvm-options,
# and the service's AOT cache, made by a training run at the first `up` after a build (train_services).
service_jar() { printf '%s/%s/target/quarkus-app/quarkus-run.jar\n' "$ROOT" "$1"; }

launch_service() { # instance name [--train]: a training run stops by itself once ready, leaving the AOT cache
  local i="$1" s run
  s="$(service_of "$i")"
  run=("$(service_jar "$s")")
  [ "${2:-}" != --train ] || run=(--train "http://localhost:$(management_port_of "$i")/q/health/ready" "$(service_jar "$s")")
  # `up` made the topics and set their configuration (PlatformTopics.java), so no service starts an admin
  # client of its own for them as it starts (ASSISTANCE_TOPICS_PROVISION=false, as in Kubernetes)
  # how up reached PostgreSQL is remembered, so one service can be started again later
  # shellcheck disable=SC1091
  [ -n "${PG_HOST:-}" ] || . "$STATE/database.env"
  QUARKUS_HTTP_PORT="$(port_of "$i")" QUARKUS_MANAGEMENT_PORT="$(management_port_of "$i")" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/${DATABASE[$s]}" \
  QUARKUS_DATASOURCE_USERNAME="$DB_USER" \
  QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD" \
  KAFKA_BOOTSTRAP_SERVERS="$(bootstrap_servers)" \
  KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT KAFKA_SASL_MECHANISM=SCRAM-SHA-512 KAFKA_SASL_JAAS_CONFIG="$(kafka_jaas "$s")" \
  ASSISTANCE_TOPICS_REPLICATION_FACTOR="$REPLICATION_FACTOR" \
  ASSISTANCE_TOPICS_PROVISION=false \
  MP_JWT_VERIFY_PUBLICKEY_LOCATION="$(jwks_url)" \
  MP_JWT_VERIFY_ISSUER="$ISSUER" \
  MP_JWT_VERIFY_AUDIENCES="$AUDIENCE" \
  MP_JWT_VERIFY_TOKEN_AGE="$MAX_TOKEN_SECONDS" \
  SMALLRYE_JWT_TIME_TO_LIVE="$MAX_TOKEN_SECONDS" \
  SMALLRYE_JWT_JWKS_FORCED_REFRESH_INTERVAL=0 \
  ASSISTANCE_TRACES="$TRACES" \
  ASSISTANCE_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES=true ASSISTANCE_WEBHOOKS_ALLOW_HTTP=true \
    nohup "$ROOT/deploy/tools/run-quarkus" "${run[@]}" >>"$LOGS/$i.log" 2>&1 &
  echo $! >"$PIDS/$i.pid"
}

# Services without an AOT cache for their current build (the first `up` after a build) run once as a
# training run, all at once, up to ready; each leaves its cache as it stops (target/aot) and every later
# start maps it (start to ready about a third faster). A training run that fails only costs the cache.
train_services() {
  local s pids=() waited
  for s in "${SERVICES[@]}"; do
    "$ROOT/deploy/tools/run-quarkus" --cached "$(service_jar "$s")" && continue
    : >"$LOGS/$s.log"
    launch_service "$s" --train
    pids+=("$(pid_of "$s")")
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  say "Services: a training run for their AOT caches (once after each build, up to a few minutes)..."
  for waited in "${pids[@]}"; do
    while kill -0 "$waited" 2>/dev/null; do sleep 0.5; done
  done
  rm -f "$PIDS"/*-service.pid
}

start_services() {
  local i count
  printf 'PG_HOST=%q\nPG_PORT=%q\nDB_USER=%q\nDB_PASSWORD=%q\n' "$PG_HOST" "$PG_PORT" "$DB_USER" "$DB_PASSWORD" \
    >"$STATE/database.env"
  train_services
  for i in $(all_instances); do
    : >"$LOGS/$i.log"
    launch_service "$i"
  done
  count="$(all_instances | wc -l)"
  say "Services: starting $(all_instances | tr '\n' ' ')..."
  # more JVMs than cores: each more instance gets more time
  local deadline=$((SECONDS + 150 + 30 * (count - 4)))
  for i in $(all_instances); do
    until ready "$i"; do
      alive "$i" || undo_and_fail "$i stopped while starting (see $LOGS/$i.log): $(tail -n 3 "$LOGS/$i.log" | tr '\n' ' ')"
      [ $SECONDS -lt $deadline ] || undo_and_fail "$i was not ready in time (see $LOGS/$i.log)"
      sleep 1
    done
    say "  $i ready on http://localhost:$(port_of "$i")"
  done
}

print_urls() {
  local i
  say ""
  say "The platform is up."
  say "  Operations dashboard : http://localhost:$(port_of reporting-service)/#token=$(cmd_token operations --subject operations-dashboard --hours 12)"
  for i in $(all_instances); do
    printf '  %-20s : http://localhost:%s/q/swagger-ui   (events /asyncapi; health and metrics: http://localhost:%s/q/health, /q/metrics)\n' "$i" "$(port_of "$i")" "$(management_port_of "$i")"
  done
  say "  Kafka bootstrap      : $(bootstrap_servers)  (SASL_PLAINTEXT, SCRAM-SHA-512: one user per service)"
  say "  Kafka as the admin   : $STATE/kafka/admin.properties (Kafka's tools: --command-config)"
  say "                         kcat -F $STATE/kafka/kcat.conf (librdkafka 2.6.1 or later: older ones fail SCRAM with Kafka 4)"
  say "  Token keys (JWKS)    : $(jwks_url)  ('deploy/local/platform rotate-keys' rotates them)"
  say "  Logs                 : $LOGS  ('deploy/local/platform logs NAME')"
  say ""
  say "Try it:  TOKEN=\$(deploy/local/platform token partner --agency agency-ke-dci)"
  say "         curl -H \"Authorization: Bearer \$TOKEN\" http://localhost:$(port_of request-service)/api/v1/requests"
  say "Stop it: deploy/local/platform down"
}

# generated demo traffic beside the platform, stopped by `down`
start_demo() {
  ASSISTANCE_PORT_OFFSET="$PORT_OFFSET" nohup java -Xmx128m -cp "$DEMO_LIBS/libs/*:$(ls "$DEMO_LIBS"/demo-*.jar)" \
    org.assistance.demo.DemoTraffic "$STATE" >"$LOGS/demo.log" 2>&1 &
  echo $! >"$PIDS/demo.pid"
}

cmd_demo() {
  any_broker_alive || fail "the platform is not running; use 'deploy/local/platform up' first"
  ASSISTANCE_PORT_OFFSET="$PORT_OFFSET" exec java -Xmx128m -cp "$DEMO_LIBS/libs/*:$(ls "$DEMO_LIBS"/demo-*.jar)" \
    org.assistance.demo.DemoTraffic "$STATE" "$@"
}

