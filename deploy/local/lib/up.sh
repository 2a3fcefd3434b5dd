# shellcheck shell=bash
# `up`: builds what is missing, then the identity provider, PostgreSQL, Kafka, the topics and the services.
DEMO=0
INSTANCE_SPECS=()

undo_and_fail() {
  printf 'platform: %s\n' "$1" >&2
  say "Stopping what this 'up' had started..."
  stop_all >/dev/null 2>&1 || true
  exit 1
}

build_if_missing() {
  local missing=0 s
  [ -d "$KAFKA_LIBS" ] || missing=1
  ls "$PG_LIBS"/local-postgres-*.jar >/dev/null 2>&1 || missing=1
  ls "$DEMO_LIBS"/demo-*.jar >/dev/null 2>&1 || missing=1
  # the demo signs its tokens with deploy/topology: a demo built before it needs building again
  ls "$DEMO_LIBS"/libs/topology-*.jar >/dev/null 2>&1 || missing=1
  for s in "${SERVICES[@]}"; do [ -f "$ROOT/$s/target/quarkus-app/quarkus-run.jar" ] || missing=1; done
  if [ $missing = 1 ]; then
    say "Building the platform (first run: a few minutes)..."
    (cd "$ROOT" && ./mvnw -B -q -DskipTests package) || fail "the build failed; run './mvnw -DskipTests package' to see why"
  fi
}

check_ports_free() {
  local p b i ports=()
  for b in $(broker_names); do ports+=("$(broker_port "$b")" "$(controller_port "$b")"); done
  for i in $(all_instances); do ports+=("$(port_of "$i")" "$(management_port_of "$i")"); done
  ports+=("$(jwks_port)")
  [ "$OBSERVABILITY" = 0 ] || ports+=("$PROMETHEUS_PORT")
  for p in "${ports[@]}"; do
    if port_open "$p"; then
      fail "port $p is already in use by another program; stop it (e.g. 'ss -ltnp | grep :$p') and run 'up' again (or shift every port with ASSISTANCE_PORT_OFFSET)"
    fi
  done
}

cmd_up() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --db-url) DB_URL="$2"; shift 2 ;;
      --db-user) DB_USER="$2"; shift 2 ;;
      --db-password) DB_PASSWORD="$2"; shift 2 ;;
      # the topology checks both (1 to 5 brokers; N or SERVICE=N instances)
      --brokers) BROKERS="${2:-}"; shift $(($# > 1 ? 2 : 1)) ;;
      --instances) INSTANCE_SPECS+=("${2:-}"); shift $(($# > 1 ? 2 : 1)) ;;
      --demo) DEMO=1; shift ;;
      --traces) TRACES=logging; shift ;;
      --observability) OBSERVABILITY=1; shift ;;
      *) fail "unknown option $1 for up" ;;
    esac
  done
  command -v curl >/dev/null || fail "curl is needed (apt-get install curl)"
  load_topology
  mkdir -p "$PIDS" "$LOGS"
  local f s running=0
  for f in "$PIDS"/*.pid; do
    [ -e "$f" ] || continue
    alive "$(basename "$f" .pid)" && running=1
  done
  if [ $running = 1 ]; then
    say "The platform is already running (see 'deploy/local/platform status'); nothing changed."
    exit 0
  fi
  rm -f "$PIDS"/*.pid
  check_ports_free
  build_if_missing
  generate_keys
  {
    printf 'PORT_OFFSET=%q\nBROKERS=%q\nDB_PREFIX=%q\nTRACES=%q\nOBSERVABILITY=%q\n' "$PORT_OFFSET" "$BROKERS" "$DB_PREFIX" "$TRACES" "$OBSERVABILITY"
    for s in "${SERVICES[@]}"; do printf 'INSTANCES[%s]=%q\n' "$s" "${INSTANCES[$s]}"; done
  } >"$TOPOLOGY"
  trap 'undo_and_fail "interrupted"' INT TERM
  start_jwks || undo_and_fail "the JWKS endpoint did not start on port $(jwks_port) (see $LOGS/jwks.log)"
  start_postgres
  start_kafka
  say "Topics: each kept with no time or size limit (retention.ms=-1, retention.bytes=-1), the catalogue compacted..."
  ensure_topics >"$LOGS/topics.log" 2>&1 || undo_and_fail "could not create the platform's topics (see $LOGS/topics.log)"
  start_services
  # after the services are ready: an instance still starting is not an instance down
  [ "$OBSERVABILITY" = 0 ] || start_prometheus
  trap - INT TERM
  print_urls
  [ "$OBSERVABILITY" = 0 ] || say "Prometheus: $(prometheus_url) (alerts: $(prometheus_url)/alerts; rules: deploy/observability/alerts.yml, runbook: docs/operations.md)"
  [ "$TRACES" != logging ] || say "Traces: every service writes its spans to its log ('platform logs NAME')."
  if [ $DEMO = 1 ]; then
    start_demo
    say "Demo traffic: playing generated requests through the APIs ('platform logs demo'); 'down' stops it."
  fi
}

cmd_topics() {
  any_broker_alive || fail "the platform is not running; use 'deploy/local/platform up' first"
  ensure_topics
}
