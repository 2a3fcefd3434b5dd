# shellcheck shell=bash
# Names and ports: deploy/topology (org.assistance.topology.Topology) owns them; the launcher asks it
# once per command (LauncherCommands shell) and keeps the answer in these variables.
SERVICES=()
INSTANCE_NAMES=()
BROKER_NAMES=()
declare -A DATABASE=() SERVICE_OF=() PORT=() MANAGEMENT_PORT=() BROKER_NODE=() BROKER_PORT=() BROKER_METRICS_PORT=() CONTROLLER_PORT=()
REPLICATION_FACTOR=1 MIN_INSYNC_REPLICAS=1 JWKS_PORT="" JWKS_URL="" PROMETHEUS_PORT="" POSTGRES_PORT=5432 EMBEDDED_POSTGRES_PORT=5432
ISSUER="" AUDIENCE="" MAX_TOKEN_HOURS=12 MAX_TOKEN_SECONDS=43200

# The topology module's jar, built on its own (seconds, not the platform's minutes) on a clean clone
topology_jar() {
  local jar
  for jar in "$ROOT"/deploy/topology/target/topology-*.jar; do
    [ -f "$jar" ] && { echo "$jar"; return 0; }
  done
  say "Building the platform's topology (deploy/topology)..." >&2
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package -pl deploy/topology >&2) \
    || fail "the build of deploy/topology failed; run './mvnw -DskipTests package -pl deploy/topology' to see why"
  for jar in "$ROOT"/deploy/topology/target/topology-*.jar; do
    [ -f "$jar" ] && { echo "$jar"; return 0; }
  done
  fail "no jar in deploy/topology/target after its build"
}

# a small, short-lived JVM: these commands answer in a fraction of a second
topology_java() { java -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -cp "$(topology_jar)" "$@"; }
launcher_commands() { topology_java org.assistance.topology.LauncherCommands "$@"; }

# Reads the platform's layout for the chosen offset, brokers, instances and database prefix
# (INSTANCE_SPECS: `up`'s --instances options; otherwise the INSTANCES a recorded `up` chose).
load_topology() {
  local args=(--offset "$PORT_OFFSET" --brokers "$BROKERS" --prefix "$DB_PREFIX") s assignments
  if [ "${#INSTANCE_SPECS[@]}" -gt 0 ]; then
    for s in "${INSTANCE_SPECS[@]}"; do args+=(--instances "$s"); done
  else
    for s in ${INSTANCES[@]+"${!INSTANCES[@]}"}; do args+=(--instances "$s=${INSTANCES[$s]}"); done
  fi
  [ -z "${ASSISTANCE_KAFKA_PORT:-}" ] || args+=(--kafka-port "$ASSISTANCE_KAFKA_PORT")
  [ -z "${ASSISTANCE_KAFKA_CONTROLLER_PORT:-}" ] || args+=(--kafka-controller-port "$ASSISTANCE_KAFKA_CONTROLLER_PORT")
  assignments="$(launcher_commands shell "${args[@]}")" || exit 1
  eval "$assignments"
}

# one broker keeps the name "kafka" (and its data folder) that earlier runs and scripts know
broker_names() { printf '%s\n' "${BROKER_NAMES[@]}"; }
broker_node() { echo "${BROKER_NODE[$1]}"; }
broker_port() { echo "${BROKER_PORT[$1]}"; }
controller_port() { echo "${CONTROLLER_PORT[$1]}"; }
bootstrap_servers() {
  local b list=""
  for b in "${BROKER_NAMES[@]}"; do list="${list:+$list,}localhost:${BROKER_PORT[$b]}"; done
  echo "$list"
}
is_broker() { [ -n "${BROKER_PORT[$1]:-}" ]; }
all_instances() { printf '%s\n' "${INSTANCE_NAMES[@]}"; }
is_instance() { [ -n "${PORT[$1]:-}" ]; }
service_of() { echo "${SERVICE_OF[$1]}"; }
port_of() { echo "${PORT[$1]}"; }
# health and metrics answer only on an instance's management port
management_port_of() { echo "${MANAGEMENT_PORT[$1]}"; }
jwks_port() { echo "$JWKS_PORT"; }
jwks_url() { echo "$JWKS_URL"; }
names_known() { echo "$(broker_names | tr '\n' ' ')$(all_instances | tr '\n' ' ')"; }
