# shellcheck shell=bash
# Kafka: KRaft broker(s) from Apache Kafka's own Maven Central jars (deploy/kafka-broker), their logins,
# and the platform's topics with the configuration the chassis gives them.
# ---- Kafka credentials: made up at the first start, kept in the state folder (never in the repository)
# kafka/credentials/USER.password for the admin and each service; kafka/admin.properties (Kafka's
# tools: --command-config) and kafka/kcat.conf (kcat -F; librdkafka before 2.6.1, as in Debian 12,
# fails SCRAM against Kafka 4: librdkafka#4895) log in as the admin
kafka_credentials() { echo "$STATE/kafka/credentials"; }
kafka_password() { cat "$(kafka_credentials)/$1.password"; }
kafka_jaas() { printf 'org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="%s";' "$1" "$(kafka_password "$1")"; }
generate_kafka_credentials() {
  local dir u
  dir="$(kafka_credentials)"
  mkdir -p "$dir"; chmod 700 "$dir"
  for u in admin "${SERVICES[@]}"; do
    [ -s "$dir/$u.password" ] || (umask 077; head -c 30 /dev/urandom | base64 | tr -d '/+=\n' >"$dir/$u.password")
  done
  (umask 077
   printf 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\nsasl.jaas.config=%s\n' "$(kafka_jaas admin)" \
     >"$STATE/kafka/admin.properties"
   printf 'bootstrap.servers=%s\nsecurity.protocol=SASL_PLAINTEXT\nsasl.mechanisms=SCRAM-SHA-512\nsasl.username=admin\nsasl.password=%s\n' \
     "$(bootstrap_servers)" "$(kafka_password admin)" >"$STATE/kafka/kcat.conf")
}

kafka_java_opts() { echo "-Xmx512m -Xms128m -Dlog4j2.configurationFile=$STATE/kafka/log4j2.properties"; }
broker_conf() { [ "$1" = kafka ] && echo "$STATE/kafka/server.properties" || echo "$STATE/kafka/server-$(broker_node "$1").properties"; }
broker_data() { [ "$1" = kafka ] && echo "$STATE/kafka-data" || echo "$STATE/kafka-data-$(broker_node "$1")"; }

write_broker_conf() { # name
  local b="$1" node voters="" other replication min_isr
  node="$(broker_node "$b")"
  for other in $(broker_names); do
    voters="${voters:+$voters,}$(broker_node "$other")@localhost:$(controller_port "$other")"
  done
  replication="$REPLICATION_FACTOR" min_isr="$MIN_INSYNC_REPLICAS"
  # it holds the admin's password: readable by this user only
  (umask 077; : >"$(broker_conf "$b")")
  cat >"$(broker_conf "$b")" <<EOF
process.roles=broker,controller
node.id=$node
controller.quorum.voters=$voters
listeners=SASL_PLAINTEXT://localhost:$(broker_port "$b"),CONTROLLER://localhost:$(controller_port "$b")
advertised.listeners=SASL_PLAINTEXT://localhost:$(broker_port "$b")
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
inter.broker.listener.name=SASL_PLAINTEXT
# clients log in with SCRAM-SHA-512 (one user per service, created by PlatformTopics.java with the
# chassis' ACLs); brokers log in to each other as the admin; SCRAM credentials live in the metadata
# the controllers serve, so the controllers take the admin with PLAIN
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=$(kafka_jaas admin)
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$(kafka_password admin)" user_admin="$(kafka_password admin)";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
allow.everyone.if.no.acl.found=false
log.dirs=$(broker_data "$b")
num.partitions=6
auto.create.topics.enable=true
default.replication.factor=$replication
min.insync.replicas=$min_isr
offsets.topic.replication.factor=$replication
transaction.state.log.replication.factor=$replication
transaction.state.log.min.isr=$min_isr
group.initial.rebalance.delay.ms=0
# history is kept: any topic, however it appears, keeps its events with no time or size limit
# (the platform's topics also carry retention.ms=-1 and retention.bytes=-1 themselves: ensure_topics)
log.retention.ms=-1
log.retention.bytes=-1
EOF
  if [ "$BROKERS" -gt 1 ]; then
    # a killed broker is fenced (its partitions led and acknowledged by the others) after 4 s, not 9 s
    printf 'broker.session.timeout.ms=4000\nbroker.heartbeat.interval.ms=500\n' >>"$(broker_conf "$b")"
  fi
}

# up --observability: the Prometheus JMX exporter (io.prometheus.jmx, from Maven Central) as an agent on the
# broker's JVM, its metrics on the broker's metrics port; without the agent jar the broker runs without it.
# Only the MBeans operators read: all of Kafka's (thousands, per client and request) took longer than the
# 4 s scrape timeout on a busy 2-core machine, and a timed-out scrape is `up == 0` (CI failed on it).
BROKER_METRICS_AGENT="$ROOT/deploy/kafka-broker/target/agents/jmx_prometheus_javaagent.jar"
broker_metrics_opts() { # name
  [ "${OBSERVABILITY:-0}" = 1 ] && [ -f "$BROKER_METRICS_AGENT" ] || return 0
  cat >"$STATE/kafka/jmx-exporter.yml" <<'EOF'
lowercaseOutputName: true
lowercaseOutputLabelNames: true
includeObjectNames:
  - "kafka.server:type=BrokerTopicMetrics,*"
  - "kafka.server:type=ReplicaManager,*"
  - "kafka.server:type=KafkaRequestHandlerPool,*"
  - "kafka.log:type=Log,*"
  - "kafka.controller:type=KafkaController,*"
  - "kafka.network:type=RequestMetrics,name=RequestsPerSec,*"
  - "kafka.network:type=SocketServer,*"
rules:
  # named as Strimzi's example names them: kafka_log_log_size_value{topic,partition},
  # kafka_server_replicamanager_underreplicatedpartitions_value, ..._messagesinpersec_count{topic};
  # counters and gauges only (Prometheus makes the rates)
  - pattern: 'kafka.log<type=Log, name=(.+), topic=(.+), partition=(.+)><>Value'
    name: kafka_log_log_$1_value
    type: GAUGE
    labels: {topic: "$2", partition: "$3"}
  - pattern: 'kafka.(\w+)<type=(.+), name=(.+), (.+)=(.+), (.+)=(.+)><>(Count|Value)'
    name: kafka_$1_$2_$3_$8
    labels: {"$4": "$5", "$6": "$7"}
  - pattern: 'kafka.(\w+)<type=(.+), name=(.+), (.+)=(.+)><>(Count|Value)'
    name: kafka_$1_$2_$3_$6
    labels: {"$4": "$5"}
  - pattern: 'kafka.(\w+)<type=(.+), name=(.+)><>(Count|Value)'
    name: kafka_$1_$2_$3_$4
EOF
  echo "-javaagent:$BROKER_METRICS_AGENT=127.0.0.1:${BROKER_METRICS_PORT[$1]}:$STATE/kafka/jmx-exporter.yml"
}

launch_broker() { # name
  local b="$1"
  # shellcheck disable=SC2046
  nohup java $(kafka_java_opts) $(broker_metrics_opts "$b") -cp "$KAFKA_LIBS/*" kafka.Kafka "$(broker_conf "$b")" \
    >>"$LOGS/$b.log" 2>&1 &
  echo $! >"$PIDS/$b.pid"
}

start_kafka() {
  local b cluster=""
  mkdir -p "$STATE/kafka"
  generate_kafka_credentials
  cat >"$STATE/kafka/log4j2.properties" <<'EOF'
rootLogger.level=INFO
rootLogger.appenderRef.stdout.ref=STDOUT
appender.stdout.type=Console
appender.stdout.name=STDOUT
appender.stdout.layout.type=PatternLayout
appender.stdout.layout.pattern=[%d] %p %m (%c)%n
logger.state.name=state.change.logger
logger.state.level=WARN
logger.kafka.name=kafka
logger.kafka.level=WARN
logger.kafkaapache.name=org.apache.kafka
logger.kafkaapache.level=WARN
EOF
  # every node of a cluster is formatted with the same cluster id, kept for nodes formatted later
  [ -f "$STATE/kafka/cluster-$BROKERS.id" ] && cluster="$(cat "$STATE/kafka/cluster-$BROKERS.id")"
  for b in $(broker_names); do
    write_broker_conf "$b"
    if [ -f "$(broker_data "$b")/meta.properties" ] && [ ! -f "$(broker_data "$b")/.scram" ]; then
      undo_and_fail "$(broker_data "$b") was formatted before Kafka asked for logins (it has no admin credential); remove it (its events go with it) or use another ASSISTANCE_STATE_DIR"
    fi
    if [ ! -f "$(broker_data "$b")/meta.properties" ]; then
      if [ -z "$cluster" ]; then
        # shellcheck disable=SC2046
        cluster="$(java $(kafka_java_opts) -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
        echo "$cluster" >"$STATE/kafka/cluster-$BROKERS.id"
      fi
      # shellcheck disable=SC2046
      # the admin's SCRAM credential goes into the first metadata: nobody could log in to create it later
      java $(kafka_java_opts) -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool format -t "$cluster" -c "$(broker_conf "$b")" \
        --add-scram "SCRAM-SHA-512=[name=admin,iterations=4096,password=$(kafka_password admin)]" \
        >"$LOGS/$b-format.log" 2>&1 || undo_and_fail "formatting the Kafka data folder of $b failed (see $LOGS/$b-format.log)"
      : >"$(broker_data "$b")/.scram"
    fi
  done
  if [ "$BROKERS" = 1 ]; then
    say "Kafka: starting a KRaft broker on localhost:$(broker_port kafka) (data in $(broker_data kafka))..."
  else
    say "Kafka: starting $BROKERS KRaft brokers (each also a controller) on $(bootstrap_servers) (data in $STATE/kafka-data-N)..."
  fi
  # all at once: a node opens its port only once a quorum of controllers is up
  for b in $(broker_names); do : >"$LOGS/$b.log"; launch_broker "$b"; done
  for b in $(broker_names); do
    wait_port "$b" "$(broker_port "$b")" 90 || undo_and_fail "the Kafka broker $b did not come up within 90 s (see $LOGS/$b.log)"
  done
}

# The chassis jar a service runs: its Topics names the platform's topics and their configuration.
chassis_jar() {
  local jar
  for jar in "$ROOT"/*-service/target/quarkus-app/lib/main/org.assistance.chassis-*.jar "$ROOT"/chassis/target/chassis-*.jar; do
    [ -f "$jar" ] && { echo "$jar"; return 0; }
  done
  return 1
}

# Each topic of Topics.ALL and its .dlq, with Topics.config (kept for ever, the catalogue
# compacted), before a service starts; topics of an older state folder get the same configuration.
# Prints each topic's retention and cleanup policy as the brokers report them.
ensure_topics() {
  local jar
  jar="$(chassis_jar)" || { printf 'platform: no chassis jar found (build the services first)\n' >&2; return 1; }
  java -Xmx128m -Dslf4j.internal.verbosity=ERROR -Dlog4j2.configurationFile="$STATE/kafka/log4j2.properties" -cp "$KAFKA_LIBS/*:$jar" \
    "$HERE/PlatformTopics.java" "$(bootstrap_servers)" "$REPLICATION_FACTOR" "$(kafka_credentials)"
}
