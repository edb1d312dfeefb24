# syntax=docker/dockerfile:1.7
#
# One image recipe for all seven applications (the six services and the gateway):
#
#   docker build --build-arg MODULE=population-service --build-arg PORT=8081 -t resettlement/population-service .
#   docker build --build-arg MODULE=reporting-service --build-arg PORT=8086 --build-arg CJK_FONTS=true -t resettlement/reporting-service .
#
# docker-compose.yml passes these arguments for every application. BuildKit is required (the default builder
# of Docker 23+): the Maven repository is a cache mount, so dependencies are downloaded once per build host.
#
# The base images are pinned to a Temurin 17 release on Ubuntu 24.04 (noble). Upgrade both tags together.

# ---- 1. build: the module and the modules it depends on, with the repository's Maven wrapper -------------
FROM eclipse-temurin:17.0.20.1_1-jdk-noble AS build
ARG MODULE
WORKDIR /workspace
# The whole reactor: a module needs its siblings (platform starter, event contracts) to build. .dockerignore
# keeps target/, .git, .local/, docs and secrets (.env) out of the context.
COPY . .
# `docker compose build` builds the seven images in parallel on one shared cache: the resolver's file locks
# keep the concurrent Maven processes from corrupting it.
RUN --mount=type=cache,target=/root/.m2,sharing=shared \
    if [ -z "${MODULE}" ]; then echo "Set --build-arg MODULE=<module directory>, e.g. population-service" >&2; exit 1; fi \
    && ./mvnw -B -q -DskipTests package -pl "${MODULE}" -am \
       -Daether.syncContext.named.factory=file-lock -Daether.syncContext.named.nameMapper=file-gav \
    && cp "${MODULE}"/target/*-exec.jar /workspace/app.jar

# ---- 2. layers: split the executable jar into Spring Boot's layers -----------------------------------------
FROM eclipse-temurin:17.0.20.1_1-jre-noble AS layers
WORKDIR /layers
COPY --from=build /workspace/app.jar app.jar
# dependencies / spring-boot-loader / snapshot-dependencies / application, each with the launcher's layout
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# ---- 3. runtime: JRE only, non-root, layers from the least to the most often changed -----------------------
FROM eclipse-temurin:17.0.20.1_1-jre-noble AS runtime
ARG MODULE
ARG PORT=8080
# true only for reporting-service: its PDFs embed a CJK font (fonts-wqy-microhei, ~10 MB with fontconfig's
# cache); the other images do not render documents and stay smaller without it.
ARG CJK_FONTS=false

# Not pinned to a package version (hadolint DL3008): the Ubuntu archive keeps only the current version, so a
# pin breaks the build at the next security update; the base image tag fixes the release.
# hadolint ignore=DL3008
RUN if [ "${CJK_FONTS}" = "true" ]; then \
        apt-get update \
        && apt-get install -y --no-install-recommends fonts-wqy-microhei \
        && fc-cache -f \
        && rm -rf /var/lib/apt/lists/*; \
    fi \
    && groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./

LABEL org.opencontainers.image.title="${MODULE}" \
      org.opencontainers.image.description="Reservoir resettlement affairs platform: ${MODULE}"

# The heap follows the container's memory limit (mem_limit in docker-compose.yml): 70 % of it, leaving the
# rest for metaspace, code cache, thread stacks and direct buffers (a Spring Cloud application needs about
# 200 MB outside the heap). An OutOfMemoryError ends the JVM, so the restart policy starts a clean one
# instead of leaving a half-working process. To tune, set the whole variable in the service's environment.
ENV PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8"

USER 10001:10001
EXPOSE ${PORT}

# Readiness, not liveness: "healthy" means the application accepts traffic and reaches its database. The
# actuator listens on MANAGEMENT_SERVER_PORT when one is set (the gateway keeps it off its public port).
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=6 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${MANAGEMENT_SERVER_PORT:-${PORT}}/actuator/health/readiness" || exit 1

# exec form: the JVM is PID 1 and receives SIGTERM, so server.shutdown=graceful drains requests on stop
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
