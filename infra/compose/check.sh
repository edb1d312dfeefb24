#!/usr/bin/env bash
# Static checks of the Docker Compose deployment, for CI and for anyone changing it. Needs no Docker engine.
#
#   bash infra/compose/check.sh
#
#  1. docker-compose.yml resolves: `docker-compose -f docker-compose.yml config -q`, with and without the
#     observability profile, and .env.example gives exactly the built-in defaults.
#  2. the deployment's rules (check_compose.py): healthchecks everywhere, depends_on service_healthy, memory
#     limits, only gateway/Keycloak/Grafana published, pinned images, one Dockerfile for all applications,
#     no development token key, issuer = Keycloak's KC_HOSTNAME, passwords shared with the init script,
#     routes and Prometheus targets on the right ports, data in named volumes.
#  3. shell scripts parse (bash -n; shellcheck when installed).
#  4. Grafana dashboards are valid JSON and up to date with their generator; prometheus.yml and every
#     dashboard query pass promtool.
#  5. the Dockerfile: hadolint when installed (skipped with a message otherwise), the Docker language
#     server's validator (dockerfile-utils), and the rules it must keep (pinned bases, non-root, healthcheck,
#     layered jar).
#
# Tools: Debian's docker-compose (or Docker's `docker compose`) is required and is installed with apt-get
# when missing and possible. promtool (from Debian's prometheus package, extracted, never installed as a
# service) and dockerfile-utils (npm) are fetched into $CHECK_TOOLS_DIR (default .local/tools) when missing;
# CHECK_OFFLINE=1 uses only what is installed and skips the rest with a message.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT" || exit 1
TOOLS="${CHECK_TOOLS_DIR:-$ROOT/.local/tools}"
OFFLINE="${CHECK_OFFLINE:-}"
DOCKERFILE_UTILS_VERSION=0.16.3
failures=0
skipped=0

say() { printf '[compose-check] %s\n' "$*"; }
ok() { printf '[compose-check]   ok    %s\n' "$*"; }
bad() { printf '[compose-check]   FAIL  %s\n' "$*" >&2; failures=$((failures + 1)); }
skip() { printf '[compose-check]   SKIP  %s\n' "$*"; skipped=$((skipped + 1)); }
can_fetch() { [ -z "$OFFLINE" ]; }

# Compose files are resolved without the caller's environment or a developer's .env, so the check is the
# same everywhere (the defaults are what is checked).
clean_env() { env -i PATH="$PATH" HOME="${HOME:-/root}" "$@"; }

# ---------------------------------------------------------------- tools
compose=()
find_compose() {
  if command -v docker-compose >/dev/null 2>&1; then
    compose=(docker-compose)
  elif docker compose version >/dev/null 2>&1; then
    compose=(docker compose)
  fi
}
find_compose
if [ ${#compose[@]} -eq 0 ] && can_fetch && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  say "installing Debian's docker-compose (apt-get)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose; } >/dev/null 2>&1
  find_compose
fi
if [ ${#compose[@]} -eq 0 ]; then
  bad "neither docker-compose nor 'docker compose' is available (apt-get install docker-compose)"
  exit 1
fi
say "using: $("${compose[@]}" version 2>/dev/null | head -n 1)"

promtool_bin="$(command -v promtool 2>/dev/null || true)"
if [ -z "$promtool_bin" ] && [ -x "$TOOLS/prometheus/usr/bin/promtool" ]; then
  promtool_bin="$TOOLS/prometheus/usr/bin/promtool"
fi
if [ -z "$promtool_bin" ] && can_fetch && command -v apt-get >/dev/null 2>&1; then
  # the package's promtool only: downloaded and unpacked, nothing installed or started
  download="$(mktemp -d)"
  if (cd "$download" && apt-get download prometheus >/dev/null 2>&1) \
      && mkdir -p "$TOOLS/prometheus" && dpkg-deb -x "$download"/prometheus_*.deb "$TOOLS/prometheus"; then
    promtool_bin="$TOOLS/prometheus/usr/bin/promtool"
  fi
  rm -rf "$download"
fi

dockerfile_utils="$(command -v dockerfile-utils 2>/dev/null || true)"
if [ -z "$dockerfile_utils" ] && [ -x "$TOOLS/node_modules/.bin/dockerfile-utils" ]; then
  dockerfile_utils="$TOOLS/node_modules/.bin/dockerfile-utils"
fi
if [ -z "$dockerfile_utils" ] && can_fetch && command -v npm >/dev/null 2>&1; then
  mkdir -p "$TOOLS"
  if npm install --prefix "$TOOLS" --no-audit --no-fund --ignore-scripts --silent \
      "dockerfile-utils@$DOCKERFILE_UTILS_VERSION" >/dev/null 2>&1; then
    dockerfile_utils="$TOOLS/node_modules/.bin/dockerfile-utils"
  fi
fi

# ---------------------------------------------------------------- 1. compose configuration
say "1. docker-compose.yml resolves"
resolved="$(mktemp)"
example="$(mktemp)"
empty_env="$(mktemp)"
trap 'rm -f "$resolved" "$example" "$empty_env"' EXIT

if clean_env "${compose[@]}" --env-file "$empty_env" -f docker-compose.yml config -q; then
  ok "docker-compose -f docker-compose.yml config -q"
else
  bad "docker-compose -f docker-compose.yml config -q"
fi
if clean_env "${compose[@]}" --env-file "$empty_env" -f docker-compose.yml --profile observability config > "$resolved"; then
  ok "docker-compose -f docker-compose.yml --profile observability config"
else
  bad "docker-compose -f docker-compose.yml --profile observability config"
fi
if clean_env "${compose[@]}" --env-file .env.example -f docker-compose.yml --profile observability config > "$example" \
    && diff -u "$resolved" "$example" >&2; then
  ok ".env.example resolves to the same configuration as the built-in defaults"
else
  bad ".env.example and the defaults in docker-compose.yml differ (diff above)"
fi

# ---------------------------------------------------------------- 2. rules
say "2. deployment rules"
if ! python3 -c 'import yaml' >/dev/null 2>&1; then
  skip "python3 with PyYAML is not available (Debian: python3-yaml)"
elif python3 infra/compose/check_compose.py < "$resolved"; then
  ok "healthchecks, service_healthy, memory limits, published ports, pinned images, one Dockerfile, tokens, passwords, routes, targets, volumes"
else
  bad "deployment rules (above)"
fi

# ---------------------------------------------------------------- 3. shell scripts
say "3. shell scripts"
scripts=(infra/postgres/init/01-databases.sh infra/compose/check.sh)
for script in "${scripts[@]}"; do
  if bash -n "$script"; then ok "bash -n $script"; else bad "bash -n $script"; fi
done
if [ -x infra/postgres/init/01-databases.sh ]; then
  ok "01-databases.sh is executable (the postgres image runs it rather than sourcing it)"
else
  bad "infra/postgres/init/01-databases.sh must be executable"
fi
if command -v shellcheck >/dev/null 2>&1; then
  if shellcheck "${scripts[@]}"; then ok "shellcheck"; else bad "shellcheck (above)"; fi
else
  skip "shellcheck is not installed"
fi

# ---------------------------------------------------------------- 4. observability
say "4. Prometheus and Grafana"
if python3 infra/observability/grafana/generate-dashboards.py --check; then
  ok "dashboards are up to date with generate-dashboards.py"
else
  bad "dashboards are stale: python3 infra/observability/grafana/generate-dashboards.py"
fi
for file in infra/observability/grafana/dashboards/*.json; do
  python3 -m json.tool "$file" >/dev/null || bad "$file is not valid JSON"
done
if [ -n "$promtool_bin" ]; then
  if "$promtool_bin" check config infra/observability/prometheus.yml >/dev/null; then
    ok "promtool check config infra/observability/prometheus.yml"
  else
    bad "promtool check config infra/observability/prometheus.yml"
  fi
  # every dashboard query as a recording rule: promtool parses the PromQL
  rules="$(mktemp --suffix=.yml)"
  python3 - "$rules" <<'PY'
import glob, json, sys
lines = ["groups:", "  - name: dashboards", "    rules:"]
for path in sorted(glob.glob("infra/observability/grafana/dashboards/*.json")):
    dashboard = json.load(open(path, encoding="utf-8"))
    for panel in dashboard["panels"]:
        for target in panel.get("targets", []):
            expr = target["expr"].replace("$__rate_interval", "1m")
            lines.append(f"      - record: dashboard:{dashboard['uid'].replace('-', '_')}:{panel['id']}{target['refId']}")
            lines.append(f"        expr: {json.dumps(expr)}")
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
  if "$promtool_bin" check rules "$rules" >/dev/null; then
    ok "every dashboard query is valid PromQL (promtool check rules)"
  else
    "$promtool_bin" check rules "$rules" >&2
    bad "dashboard queries (above)"
  fi
  rm -f "$rules"
else
  skip "promtool is not available: prometheus.yml and the dashboard queries were not parsed"
fi

# ---------------------------------------------------------------- 5. Dockerfile
say "5. Dockerfile"
hadolint_bin="${HADOLINT:-$(command -v hadolint 2>/dev/null || true)}"
if [ -n "$hadolint_bin" ]; then
  if "$hadolint_bin" Dockerfile; then ok "hadolint Dockerfile"; else bad "hadolint Dockerfile (above)"; fi
else
  skip "hadolint is not installed (no package on the registries this project uses): Dockerfile not linted by hadolint"
fi
if [ -n "$dockerfile_utils" ]; then
  if "$dockerfile_utils" lint Dockerfile; then
    ok "dockerfile-utils lint Dockerfile (syntax, instructions, flags)"
  else
    bad "dockerfile-utils lint Dockerfile (above)"
  fi
else
  skip "dockerfile-utils is not available (npm): Dockerfile syntax not validated"
fi
rule() { # description, extended regex that must match a line of the Dockerfile
  if grep -Eq -e "$2" Dockerfile; then ok "$1"; else bad "Dockerfile: $1"; fi
}
rule "build stage on a pinned JDK 17 image" '^FROM eclipse-temurin:17\.[0-9._]+-jdk-[a-z]+ AS build$'
rule "runtime stage on a pinned JRE 17 image" '^FROM eclipse-temurin:17\.[0-9._]+-jre-[a-z]+ AS runtime$'
rule "the wrapper builds the module and what it needs" '\./mvnw -B -q -DskipTests package -pl "\$\{MODULE\}" -am'
rule "Maven repository in a BuildKit cache mount" '--mount=type=cache,target=/root/\.m2'
rule "layered jar extraction (Spring Boot tools jar mode)" 'java -Djarmode=tools -jar app\.jar extract --layers --launcher'
rule "runs as a non-root user" '^USER [1-9][0-9]*(:[0-9]+)?$'
rule "has a HEALTHCHECK" '^HEALTHCHECK '
if [ "$(grep -c '^COPY --from=layers' Dockerfile)" -eq 4 ]; then
  ok "the four layers are copied separately"
else
  bad "Dockerfile: copy dependencies, spring-boot-loader, snapshot-dependencies, application separately"
fi
if grep -Eq '^FROM [^ ]*:latest' Dockerfile; then bad "Dockerfile: an image is not pinned (:latest)"; fi

# ---------------------------------------------------------------- summary
say "not run here: building the images and starting the containers (needs a Docker engine)"
if [ "$failures" -gt 0 ]; then
  say "FAILED: $failures check(s) failed, $skipped skipped"
  exit 1
fi
say "passed ($skipped skipped)"
