# shellcheck shell=bash
# `backup DIR` and `restore DIR` (PlatformBackup.java does the work): a consistent cut of the four
# databases through the outbox relays' fence, and its restore into a platform of its own.
backup_java() { # backup|restore DIR
  local jar driver s args=()
  command -v pg_dump >/dev/null && command -v pg_restore >/dev/null \
    || fail "pg_dump and pg_restore are needed (PostgreSQL client tools, e.g. apt-get install postgresql-client)"
  jar="$(chassis_jar)" || fail "no chassis jar found (build the services first)"
  driver="$(ls "$PG_LIBS"/libs/postgresql-*.jar 2>/dev/null | head -n 1)"
  [ -n "$driver" ] || fail "no PostgreSQL driver in $PG_LIBS/libs (build deploy/local-postgres)"
  # shellcheck disable=SC1091
  [ -n "${PG_HOST:-}" ] || . "$STATE/database.env"
  for s in "${SERVICES[@]}"; do args+=(--database "$s=${DATABASE[$s]}"); done
  java -Xmx256m -Dslf4j.internal.verbosity=ERROR -Dlog4j2.configurationFile="$STATE/kafka/log4j2.properties" \
    -cp "$KAFKA_LIBS/*:$driver:$jar" "$HERE/PlatformBackup.java" "$1" "$2" \
    --bootstrap "$(bootstrap_servers)" --credentials "$(kafka_credentials)" \
    --pg "$PG_HOST:$PG_PORT" --pg-user "$DB_USER" --pg-password "$DB_PASSWORD" "${args[@]}"
}

cmd_backup() {
  [ $# -eq 1 ] || fail "usage: platform backup DIR"
  any_broker_alive || fail "the platform is not running; a backup is taken of a running platform ('up' first)"
  [ -f "$STATE/database.env" ] || fail "no database.env in $STATE: the services of this platform never started"
  say "Backup of the platform of $STATE into $1..."
  backup_java backup "$(mkdir -p "$1" && cd "$1" && pwd)"
}

cmd_restore() {
  [ $# -eq 1 ] || fail "usage: platform restore DIR"
  [ -f "$1/manifest.json" ] || fail "no manifest.json in $1 (a folder 'platform backup' wrote)"
  any_broker_alive && [ -f "$STATE/database.env" ] \
    || fail "the platform to restore into is not running: 'up' it first (its own state folder, port offset and database prefix), then restore"
  local dir
  dir="$(cd "$1" && pwd)"
  say "Restoring $dir into the platform of $STATE (databases ${DATABASE[*]})..."
  stop_group demo
  # shellcheck disable=SC2046
  stop_group $(recorded '*-service*')
  backup_java restore "$dir" || fail "the restore failed (the services stay stopped; 'platform start NAME' or restore again)"
  start_services
  say "Restored and running: check it as the runbook says (docs/operations.md, 'Backup and restore')."
}
