#!/bin/sh
# Creates and migrates Temporal's two databases (what the deprecated auto-setup image used to do).
# Every step is idempotent: `create` ignores an existing database, `setup-schema` keeps a newer
# recorded version, `update-schema` applies only missing versions. So this runs on every `up`.
set -eu

: "${DB:=postgres12}"
: "${DB_PORT:=5432}"
: "${POSTGRES_SEEDS:=postgresql}"
: "${POSTGRES_USER:=temporal}"
: "${DBNAME:=temporal}"
: "${VISIBILITY_DBNAME:=temporal_visibility}"
: "${MAX_ATTEMPTS:=30}"
# temporal-sql-tool reads the password from SQL_PASSWORD.
: "${SQL_PASSWORD:=${POSTGRES_PWD:-temporal}}"
export SQL_PASSWORD

SCHEMA_DIR=/etc/temporal/schema/postgresql/v12

sql_tool() {
  temporal-sql-tool --plugin "$DB" --ep "$POSTGRES_SEEDS" -p "$DB_PORT" -u "$POSTGRES_USER" "$@"
}

# PostgreSQL can report healthy a moment before it takes TCP connections (first-run init restarts
# it), so the first statement is retried instead of failing the whole stack.
attempt=1
until sql_tool --db "$DBNAME" create; do
  if [ "$attempt" -ge "$MAX_ATTEMPTS" ]; then
    echo "PostgreSQL at $POSTGRES_SEEDS:$DB_PORT still refuses after $attempt attempts" >&2
    exit 1
  fi
  echo "PostgreSQL not ready yet (attempt $attempt/$MAX_ATTEMPTS); retrying"
  attempt=$((attempt + 1))
  sleep 2
done
sql_tool --db "$DBNAME" setup-schema -v 0.0
sql_tool --db "$DBNAME" update-schema -d "$SCHEMA_DIR/temporal/versioned"

sql_tool --db "$VISIBILITY_DBNAME" create
sql_tool --db "$VISIBILITY_DBNAME" setup-schema -v 0.0
sql_tool --db "$VISIBILITY_DBNAME" update-schema -d "$SCHEMA_DIR/visibility/versioned"

echo "Temporal schemas are up to date in $DBNAME and $VISIBILITY_DBNAME"
