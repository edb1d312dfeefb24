#!/usr/bin/env python3
"""Rules docker-compose.yml must keep, checked on the configuration docker-compose resolved.

    docker-compose -f docker-compose.yml --profile observability config | python3 infra/compose/check_compose.py

Reads the resolved configuration (YAML) on standard input; prints one line per broken rule and exits 1
if there is any. Called by infra/compose/check.sh.
"""
import pathlib
import re
import sys

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]

# application -> (port, database or None)
APPLICATIONS = {
    "population-service": (8081, "population"),
    "subsidy-service": (8082, "subsidy"),
    "project-service": (8083, "project"),
    "training-service": (8084, "training"),
    "petition-service": (8085, "petition"),
    "reporting-service": (8086, "reporting"),
    "gateway": (8080, None),
}
GATEWAY_MANAGEMENT_PORT = 8090
GATEWAY_ROUTES = {
    "POPULATION_URL": "population-service",
    "SUBSIDY_URL": "subsidy-service",
    "PROJECT_URL": "project-service",
    "TRAINING_URL": "training-service",
    "PETITION_URL": "petition-service",
    "REPORTING_URL": "reporting-service",
}
# the only services with ports on the host (gateway: the API; keycloak: logins; grafana: dashboards)
PUBLISHED = {"gateway", "keycloak", "grafana"}
NAMED_VOLUMES = {
    "postgres": "/var/lib/postgresql/data",
    "kafka": "/var/lib/kafka/data",
    "prometheus": "/prometheus",
    "grafana": "/var/lib/grafana",
}
PROFILE_ONLY = {"prometheus", "grafana"}

problems = []


def problem(text):
    problems.append(text)


def environment(service):
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return {k: ("" if v is None else str(v)) for k, v in env.items()}


def host_port(url):
    match = re.fullmatch(r"http://([a-z0-9-]+):(\d+)/?", url or "")
    return (match.group(1), int(match.group(2))) if match else (None, None)


def main():
    config = yaml.safe_load(sys.stdin)
    services = config.get("services") or {}
    volumes = config.get("volumes") or {}

    missing = (set(APPLICATIONS) | {"postgres", "kafka", "keycloak"} | PROFILE_ONLY) - set(services)
    if missing:
        problem(f"services missing: {sorted(missing)} (run with --profile observability)")

    for name, service in sorted(services.items()):
        # health and start order
        check = service.get("healthcheck") or {}
        if not check.get("test") or check.get("disable"):
            problem(f"{name}: no healthcheck")
        for dependency, spec in (service.get("depends_on") or {}).items():
            condition = spec.get("condition") if isinstance(spec, dict) else None
            if condition != "service_healthy":
                problem(f"{name}: depends_on {dependency} without condition service_healthy")
        if not service.get("mem_limit") and not (
                ((service.get("deploy") or {}).get("resources") or {}).get("limits") or {}).get("memory"):
            problem(f"{name}: no memory limit")
        # exposure
        if service.get("ports") and name not in PUBLISHED:
            problem(f"{name}: publishes ports {service['ports']}; only {sorted(PUBLISHED)} may")
        if name in PROFILE_ONLY and "observability" not in (service.get("profiles") or []):
            problem(f"{name}: belongs to the observability profile")
        # images: third-party ones pinned to a version
        image = service.get("image", "")
        if "build" not in service:
            tag = image.rsplit(":", 1)[1] if ":" in image.split("/")[-1] else ""
            if not tag or tag == "latest" or not re.search(r"\d", tag):
                problem(f"{name}: image {image!r} is not pinned to a version")

    # the applications: one Dockerfile, a build argument per module, production token settings
    postgres_env = environment(services.get("postgres", {}))
    keycloak_env = environment(services.get("keycloak", {}))
    issuer = keycloak_env.get("KC_HOSTNAME", "").rstrip("/") + "/realms/resettlement"
    for name, (port, database) in APPLICATIONS.items():
        service = services.get(name)
        if service is None:
            continue
        build = service.get("build") or {}
        if not isinstance(build, dict) or pathlib.Path(build.get("context", "")).resolve() != ROOT \
                or build.get("dockerfile", "Dockerfile") != "Dockerfile":
            problem(f"{name}: not built from ./Dockerfile at the repository root")
        args = (build.get("args") or {}) if isinstance(build, dict) else {}
        if args.get("MODULE") != name or str(args.get("PORT")) != str(port):
            problem(f"{name}: build args MODULE={args.get('MODULE')} PORT={args.get('PORT')}, expected {name} {port}")
        env = environment(service)
        if env.get("PORT") != str(port):
            problem(f"{name}: PORT={env.get('PORT')}, expected {port}")
        if env.get("JWT_DEV_KEY", "false").lower() != "false":
            problem(f"{name}: JWT_DEV_KEY must be false in Docker Compose")
        if env.get("JWT_ISSUER") != issuer:
            problem(f"{name}: JWT_ISSUER={env.get('JWT_ISSUER')} but Keycloak issues tokens as {issuer} (KC_HOSTNAME)")
        jwk_host, _ = host_port(env.get("JWT_JWK_SET_URI", "").split("/realms/")[0])
        if jwk_host != "keycloak":
            problem(f"{name}: JWT_JWK_SET_URI should reach keycloak on the compose network")
        if database:
            if env.get("DATABASE_URL") != f"jdbc:postgresql://postgres:5432/{database}":
                problem(f"{name}: DATABASE_URL={env.get('DATABASE_URL')}")
            if env.get("DATABASE_USER") != database:
                problem(f"{name}: DATABASE_USER={env.get('DATABASE_USER')}, expected {database}")
            if env.get("DATABASE_PASSWORD") != postgres_env.get(f"{database.upper()}_DB_PASSWORD"):
                problem(f"{name}: DATABASE_PASSWORD differs from the postgres container's {database.upper()}_DB_PASSWORD")
            if env.get("KAFKA_BOOTSTRAP_SERVERS") != "kafka:9092":
                problem(f"{name}: KAFKA_BOOTSTRAP_SERVERS={env.get('KAFKA_BOOTSTRAP_SERVERS')}")
            for dependency in ("postgres", "kafka"):
                if dependency not in (service.get("depends_on") or {}):
                    problem(f"{name}: does not wait for {dependency}")
        for variable, url in env.items():
            if variable.endswith("_URL") and variable not in ("DATABASE_URL",) and url.startswith("http://"):
                host, target_port = host_port(url)
                if host in APPLICATIONS and APPLICATIONS[host][0] != target_port:
                    problem(f"{name}: {variable}={url} but {host} listens on {APPLICATIONS[host][0]}")

    gateway = environment(services.get("gateway", {}))
    for variable, target in GATEWAY_ROUTES.items():
        host, target_port = host_port(gateway.get(variable))
        if (host, target_port) != (target, APPLICATIONS[target][0]):
            problem(f"gateway: {variable}={gateway.get(variable)}, expected http://{target}:{APPLICATIONS[target][0]}")
    if gateway.get("MANAGEMENT_SERVER_PORT") != str(GATEWAY_MANAGEMENT_PORT):
        problem(f"gateway: MANAGEMENT_SERVER_PORT should be {GATEWAY_MANAGEMENT_PORT} (prometheus.yml scrapes it)")
    for dependency in set(GATEWAY_ROUTES.values()) | {"keycloak"}:
        if dependency not in (services.get("gateway", {}).get("depends_on") or {}):
            problem(f"gateway: does not wait for {dependency}")

    # data in named volumes
    for name, path in NAMED_VOLUMES.items():
        mounts = services.get(name, {}).get("volumes") or []
        sources = [m.split(":")[0] if isinstance(m, str) else m.get("source") for m in mounts
                   if (m.split(":")[1] if isinstance(m, str) else m.get("target")) == path]
        if not sources or sources[0] not in volumes:
            problem(f"{name}: {path} is not a named volume")

    # the files the containers mount
    for path in ("infra/postgres/init/01-databases.sh", "infra/keycloak/resettlement-realm.json",
                 "infra/observability/prometheus.yml"):
        if not (ROOT / path).is_file():
            problem(f"{path} is missing (mounted by docker-compose.yml)")

    # Prometheus scrapes every application where it listens
    prometheus = yaml.safe_load((ROOT / "infra/observability/prometheus.yml").read_text(encoding="utf-8"))
    targets = {}
    for job in prometheus.get("scrape_configs", []):
        for group in job.get("static_configs", []):
            for item in group.get("targets", []):
                host, _, target_port = item.partition(":")
                targets[host] = (int(target_port), job.get("metrics_path", "/metrics"))
    for name, (port, _) in APPLICATIONS.items():
        expected = GATEWAY_MANAGEMENT_PORT if name == "gateway" else port
        if targets.get(name) != (expected, "/actuator/prometheus"):
            problem(f"prometheus.yml: {name} should be scraped at {name}:{expected}/actuator/prometheus, found {targets.get(name)}")

    for line in problems:
        print(f"  - {line}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
