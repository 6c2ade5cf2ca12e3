#!/bin/sh
# Avance's own role and database, next to Temporal's in the same PostgreSQL, with the password
# from AVANCE_DB_PASSWORD (compose passes it; there is no default). The postgres image runs this
# once, on the first start with an empty data volume; after changing it, recreate the volume
# (docker compose down -v). The database owner may create tables in "public" (PostgreSQL 15+ no
# longer lets everyone), which is what Flyway needs.
set -eu
: "${AVANCE_DB_PASSWORD:?AVANCE_DB_PASSWORD is required}"
# The password goes in as a psql variable, quoted by psql: no shell or SQL injection.
psql -v ON_ERROR_STOP=1 -v avance_password="$AVANCE_DB_PASSWORD" \
  --username "$POSTGRES_USER" --dbname postgres <<'SQL'
CREATE ROLE avance WITH LOGIN PASSWORD :'avance_password';
CREATE DATABASE avance OWNER avance;
SQL
