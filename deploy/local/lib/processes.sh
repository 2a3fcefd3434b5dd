# shellcheck shell=bash
# The processes the launcher started, each recorded by PID in $PIDS: probing, waiting, stopping.
pid_of() { [ -f "$PIDS/$1.pid" ] && cat "$PIDS/$1.pid" || true; }
alive() { local pid; pid="$(pid_of "$1")"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
any_broker_alive() { local b; for b in $(broker_names); do alive "$b" && return 0; done; return 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { # name port seconds
  local deadline=$((SECONDS + $3))
  until port_open "$2"; do
    alive "$1" || return 1
    [ $SECONDS -lt $deadline ] || return 1
    sleep 0.5
  done
}
ready() { curl -sf -o /dev/null "http://localhost:$(management_port_of "$1")/q/health/ready"; }
started_anything() { compgen -G "$PIDS/*.pid" >/dev/null; }

stop_group() { # names...: asked to stop together, killed after 10 s
  local c pid pids=()
  for c in "$@"; do
    pid="$(pid_of "$c")"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      pids+=("$c:$pid")
    fi
  done
  local entry
  for entry in ${pids[@]+"${pids[@]}"}; do
    c="${entry%%:*}" pid="${entry##*:}"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    say "stopped $c (pid $pid)"
  done
  for c in "$@"; do rm -f "$PIDS/$c.pid"; done
}

recorded() { # names of the recorded processes matching a glob
  local f
  for f in "$PIDS"/$1.pid; do [ -e "$f" ] && basename "$f" .pid; done
  return 0
}

stop_all() {
  local f
  stop_group demo
  # shellcheck disable=SC2046
  stop_group $(recorded '*-service*')
  # brokers one after another: each hands its leaderships to the ones still running
  for f in $(recorded 'kafka*' | sort -r); do stop_group "$f"; done
  stop_group postgres
  # shellcheck disable=SC2046
  stop_group $(recorded '*')
}

cmd_down() {
  if ! started_anything; then
    say "Nothing of the platform is running (nothing recorded in $PIDS)."
    return 0
  fi
  stop_all
}

cmd_start() {
  [ $# -ge 1 ] || fail "usage: platform start NAME  (names: $(names_known))"
  local name="$1"
  if is_broker "$name"; then
    alive "$name" && { say "$name is already running."; return 0; }
    [ -f "$(broker_conf "$name")" ] || fail "$name was never started by 'up' here"
    launch_broker "$name"
    wait_port "$name" "$(broker_port "$name")" 90 || fail "$name did not come up within 90 s (see $LOGS/$name.log)"
    say "$name running on localhost:$(broker_port "$name")"
    return 0
  fi
  is_instance "$name" || fail "unknown name '$name' (names: $(names_known))"
  any_broker_alive || fail "the platform is not running; use 'deploy/local/platform up'"
  if alive "$name"; then
    say "$name is already running."
    return 0
  fi
  start_jwks || fail "the JWKS endpoint did not start on port $(jwks_port) (see $LOGS/jwks.log)"
  launch_service "$name"
  local deadline=$((SECONDS + 120))
  until ready "$name"; do
    alive "$name" || fail "$name stopped while starting (see $LOGS/$name.log)"
    [ $SECONDS -lt $deadline ] || fail "$name was not ready within 120 s (see $LOGS/$name.log)"
    sleep 1
  done
  say "$name ready on http://localhost:$(port_of "$name")"
}

cmd_stop() {
  [ $# -ge 1 ] || fail "usage: platform stop NAME [--kill]  (names: $(names_known))"
  local name="$1" pid
  is_broker "$name" || is_instance "$name" || fail "unknown name '$name' (names: $(names_known))"
  alive "$name" || { say "$name is not running."; return 0; }
  if [ "${2:-}" = --kill ]; then
    pid="$(pid_of "$name")"
    kill -9 "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    rm -f "$PIDS/$name.pid"
    say "killed $name (pid $pid)"
  else
    stop_group "$name"
  fi
}
