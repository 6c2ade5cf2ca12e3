-- Avance's own role and database, next to Temporal's in the same PostgreSQL.
-- The postgres image runs this once, on the first start with an empty data volume;
-- after changing it, recreate the volume (docker compose down -v).
-- The database owner may create tables in "public" (PostgreSQL 15+ no longer lets everyone),
-- which is what Flyway needs.
CREATE ROLE avance WITH LOGIN PASSWORD 'avance';
CREATE DATABASE avance OWNER avance;
