# undersigned: build from source, run on a slim JRE 17 as a non-root user.
#
#   docker build -t undersigned .
#   docker run --rm -p 8080:8080 \
#     -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db.example:5432/undersigned \
#     -e QUARKUS_DATASOURCE_USERNAME=undersigned -e QUARKUS_DATASOURCE_PASSWORD=... \
#     undersigned
#
# Every setting is an environment variable; src/docs/operations.md lists them.

# --- Build stage ----------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# Dependencies first, so that a change of the sources alone reuses this layer.
COPY pom.xml ./
RUN mvn --batch-mode --no-transfer-progress dependency:go-offline -Dimage || true
COPY src ./src
COPY openapi ./openapi
# -Dimage: the embedded PostgreSQL's binaries (about 110 MB, for the dev and test profiles only)
# stay out of the image; production runs against a configured server and never starts one.
RUN mvn --batch-mode --no-transfer-progress package -DskipTests -Dimage

# --- Runtime stage --------------------------------------------------------------------------
FROM eclipse-temurin:17-jre-jammy
# Fonts for the share card (ShareImage draws with fontconfig's fonts): DejaVu covers Latin, Greek,
# Cyrillic, Arabic and Hebrew; add fonts-noto-cjk for a letter in Chinese or Japanese.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 undersigned \
 && useradd --system --uid 10001 --gid undersigned --no-create-home --shell /usr/sbin/nologin undersigned
WORKDIR /app
# The fast-jar layout, in four layers from the least to the most often changed.
COPY --from=build --chown=10001:10001 /build/target/quarkus-app/lib/ ./lib/
COPY --from=build --chown=10001:10001 /build/target/quarkus-app/quarkus-run.jar ./
COPY --from=build --chown=10001:10001 /build/target/quarkus-app/app/ ./app/
COPY --from=build --chown=10001:10001 /build/target/quarkus-app/quarkus/ ./quarkus/
USER 10001:10001
# 8080: the API; 9000: the management interface (health, metrics), for the orchestrator only.
EXPOSE 8080 9000
# The settings the benchmark measured (src/bench/results.md): a small heap (enough for a letter of
# 100,000 names; raise it for more), few malloc arenas (glibc's default, eight per core, costs more
# resident memory than the heap), bounded stacks, code cache and metaspace, C2 only for what is
# really hot (a third less CPU at start on two cores), freed native memory given back every 5 s.
# A class-data archive recorded by a training start makes the start faster still (src/docs/performance.md,
# "Start time"): add -XX:SharedArchiveFile=... to JAVA_OPTS when you have one.
ENV QUARKUS_HTTP_HOST=0.0.0.0 \
    MALLOC_ARENA_MAX=2 \
    JAVA_OPTS="-Xmx80m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m -XX:+UseSerialGC -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=20000 -XX:Tier4CompileThreshold=60000 -XX:Tier4BackEdgeThreshold=400000 -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9000 && printf 'GET /q/health/live HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q '\"UP\"' <&3"]
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
