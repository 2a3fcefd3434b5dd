# shellcheck shell=bash
# What `status` and `logs` show.
cmd_status() {
  local c
  if alive postgres; then
    printf '%-20s running (pid %s)\n' postgres "$(pid_of postgres)"
  else
    printf '%-20s not started by the launcher (an existing PostgreSQL is used)\n' postgres
  fi
  for c in $(broker_names); do
    if alive "$c"; then
      printf '%-20s running (pid %s) on localhost:%s\n' "$c" "$(pid_of "$c")" "$(broker_port "$c")"
    else
      printf '%-20s stopped\n' "$c"
    fi
  done
  if alive jwks; then
    printf '%-20s running (pid %s) on %s\n' jwks "$(pid_of jwks)" "$(jwks_url)"
  else
    printf '%-20s stopped\n' jwks
  fi
  for c in $(all_instances); do
    if alive "$c"; then
      if ready "$c"; then
        printf '%-20s running (pid %s), ready on http://localhost:%s\n' "$c" "$(pid_of "$c")" "$(port_of "$c")"
      else
        printf '%-20s running (pid %s), NOT ready on http://localhost:%s\n' "$c" "$(pid_of "$c")" "$(port_of "$c")"
      fi
    else
      printf '%-20s stopped\n' "$c"
    fi
  done
  status_prometheus
}


cmd_logs() {
  [ $# -ge 1 ] || fail "usage: platform logs NAME [--follow]  (names: $(names_known)postgres)"
  local file="$LOGS/$1.log"
  [ -f "$file" ] || fail "no log for '$1' in $LOGS (names: $(names_known)postgres)"
  if [ "${2:-}" = "--follow" ]; then tail -n 100 -F "$file"; else tail -n "${LINES_TO_SHOW:-200}" "$file"; fi
}

