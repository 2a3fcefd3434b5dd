# shellcheck shell=bash
# PostgreSQL: the one --db-url names, else the one answering at 127.0.0.1:5432, else an embedded
# one (deploy/local-postgres) on 5432 + the offset; then the services' databases.
DB_URL="" DB_USER="postgres" DB_PASSWORD=""

start_postgres() {
  if [ -n "$DB_URL" ]; then
    PG_HOSTPORT="${DB_URL#jdbc:postgresql://}"; PG_HOSTPORT="${PG_HOSTPORT%%/*}"
    PG_HOST="${PG_HOSTPORT%%:*}"; PG_PORT="${PG_HOSTPORT##*:}"; [ "$PG_PORT" = "$PG_HOSTPORT" ] && PG_PORT=5432
    say "PostgreSQL: $PG_HOST:$PG_PORT (--db-url)"
  elif port_open "$POSTGRES_PORT"; then
    PG_HOST=127.0.0.1 PG_PORT="$POSTGRES_PORT"
    say "PostgreSQL: the one running at 127.0.0.1:$POSTGRES_PORT"
  else
    PG_HOST=127.0.0.1 PG_PORT="$EMBEDDED_POSTGRES_PORT"
    say "PostgreSQL: none answers at 127.0.0.1:$POSTGRES_PORT, starting an embedded one on $PG_PORT (data in $STATE/postgres)..."
    nohup java -Xmx128m -cp "$PG_LIBS/libs/*:$(ls "$PG_LIBS"/local-postgres-*.jar)" \
      org.assistance.deploy.EmbeddedPostgresMain "$PG_PORT" "$STATE/postgres" >"$LOGS/postgres.log" 2>&1 &
    echo $! >"$PIDS/postgres.pid"
    wait_port postgres "$PG_PORT" 60 || undo_and_fail "the embedded PostgreSQL did not start within 60 s (see $LOGS/postgres.log); start a PostgreSQL yourself and pass --db-url"
  fi
  java -cp "$PG_LIBS/libs/*:$(ls "$PG_LIBS"/local-postgres-*.jar)" org.assistance.deploy.CreateDatabases \
    "$PG_HOST" "$PG_PORT" "$DB_USER" "$DB_PASSWORD" "${DATABASE[@]}" \
    || undo_and_fail "could not create the databases on $PG_HOST:$PG_PORT (user $DB_USER); pass --db-user/--db-password or --db-url"
}
