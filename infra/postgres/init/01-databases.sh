#!/usr/bin/env bash
# One database and one login role per service, each role owning its database and nothing else
# (database-per-service: no service can read another's tables).
#
# Run by the official postgres image on the first start of an empty data volume
# (/docker-entrypoint-initdb.d). Idempotent, so an administrator can run it again to add a database or to
# set new passwords from the environment:
#
#   docker compose exec postgres /docker-entrypoint-initdb.d/01-databases.sh
#
# Environment:
#   SERVICE_DATABASES   names, space-separated (default: the six services and keycloak)
#   <NAME>_DB_PASSWORD  the password of each role, e.g. POPULATION_DB_PASSWORD, KEYCLOAK_DB_PASSWORD
#                       (required: a database is never created with a role that has no password)
#   POSTGRES_USER       the superuser to connect as (default postgres)
# Role and database have the same name as the service's database (population, subsidy, ...).
set -Eeuo pipefail

databases="${SERVICE_DATABASES:-population subsidy project training petition reporting keycloak}"
superuser="${POSTGRES_USER:-postgres}"

for db in $databases; do
  if [[ ! "$db" =~ ^[a-z][a-z0-9_]{0,62}$ ]]; then
    echo "01-databases: '$db' is not a plain lower-case name" >&2
    exit 1
  fi
  variable="$(printf '%s' "$db" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  if [ -z "${!variable:-}" ]; then
    echo "01-databases: $variable is not set; refusing to create '$db' without a password" >&2
    exit 1
  fi
  # The password reaches psql through its environment (\getenv), never its command line (visible in ps).
  DB_PASSWORD="${!variable}" psql -v ON_ERROR_STOP=1 -q --no-psqlrc --username "$superuser" --dbname postgres \
    -v db="$db" <<'SQL'
\getenv password DB_PASSWORD
SELECT format('CREATE ROLE %I LOGIN', :'db')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'db') \gexec
ALTER ROLE :"db" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I ENCODING ''UTF8'' TEMPLATE template0', :'db', :'db')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT ALL ON DATABASE :"db" TO :"db";
SQL
  echo "01-databases: database and role '$db' ready"
done
