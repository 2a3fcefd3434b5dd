# shellcheck shell=bash
# `up --observability`: Prometheus (Debian's package, deploy/tools/install-prometheus) scraping every service
# instance's /q/metrics on its management port, with the platform's alert rules (deploy/observability/alerts.yml)
# loaded. Its configuration is made from the platform's topology under $STATE/prometheus, its data kept there.
OBSERVABILITY=0

prometheus_url() { echo "http://localhost:$PROMETHEUS_PORT"; }

# One job per service (its `job` label is the service's name, as the rules expect), one target per instance
# named like the launcher names it. Short intervals: a local alert shows within its `for`, not minutes later.
# Each broker's JMX metrics come from the Prometheus JMX exporter agent on its JVM (broker.sh), job "kafka".
write_prometheus_config() {
  local s i dir="$STATE/prometheus"
  mkdir -p "$dir/data"
  {
    printf '# Made by deploy/local/platform up --observability from the platform'"'"'s topology; made again at each up.\n'
    printf 'global:\n  scrape_interval: 5s\n  scrape_timeout: 4s\n  evaluation_interval: 5s\n'
    printf 'rule_files:\n  - %s\n' "$ROOT/deploy/observability/alerts.yml"
    printf 'scrape_configs:\n'
    for s in "${SERVICES[@]}"; do
      printf '  - job_name: %s\n    metrics_path: /q/metrics\n    static_configs:\n' "$s"
      for i in $(all_instances); do
        [ "$(service_of "$i")" = "$s" ] || continue
        printf '      - targets: ["localhost:%s"]\n        labels: {instance: %s}\n' "$(management_port_of "$i")" "$i"
      done
    done
    if [ -f "$BROKER_METRICS_AGENT" ]; then
      printf '  - job_name: kafka\n    static_configs:\n'
      for s in "${BROKER_NAMES[@]}"; do
        printf '      - targets: ["localhost:%s"]\n        labels: {instance: %s}\n' "${BROKER_METRICS_PORT[$s]}" "$s"
      done
    fi
  } >"$dir/prometheus.yml"
}

start_prometheus() {
  bash "$ROOT/deploy/tools/install-prometheus" \
    || undo_and_fail "Prometheus is needed for --observability (deploy/tools/install-prometheus says what to install)"
  write_prometheus_config
  promtool check config "$STATE/prometheus/prometheus.yml" >"$LOGS/prometheus.log" 2>&1 \
    || undo_and_fail "the generated Prometheus configuration is refused (see $LOGS/prometheus.log)"
  nohup prometheus --config.file="$STATE/prometheus/prometheus.yml" \
    --storage.tsdb.path="$STATE/prometheus/data" --storage.tsdb.retention.time=2d \
    --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" --web.enable-lifecycle \
    >>"$LOGS/prometheus.log" 2>&1 &
  echo $! >"$PIDS/prometheus.pid"
  local deadline=$((SECONDS + 60))
  until curl -sf -o /dev/null "$(prometheus_url)/-/ready"; do
    alive prometheus || undo_and_fail "Prometheus stopped while starting (see $LOGS/prometheus.log)"
    [ $SECONDS -lt $deadline ] || undo_and_fail "Prometheus was not ready within 60 s (see $LOGS/prometheus.log)"
    sleep 0.5
  done
}

status_prometheus() {
  [ "$OBSERVABILITY" = 1 ] || return 0
  if alive prometheus; then
    printf '%-20s running (pid %s) on %s (alerts: %s/alerts)\n' prometheus "$(pid_of prometheus)" "$(prometheus_url)" "$(prometheus_url)"
  else
    printf '%-20s stopped\n' prometheus
  fi
}
