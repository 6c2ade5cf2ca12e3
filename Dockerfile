# Avance: one image for both roles (API and Temporal worker); the role is chosen by environment.
# Build: docker build -t avance:local .   (or let docker compose build it)
# Meant for AVANCE_MODE=external: the image has no temporal CLI, which embedded mode needs.

# ---- build ----
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build

# The build files alone first: the dependency layer below is then rebuilt only when a pom changes,
# not on every source edit.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY workflows/pom.xml workflows/
COPY bank/pom.xml bank/
COPY bank-simulator/pom.xml bank-simulator/
COPY activities/pom.xml activities/
COPY api/pom.xml api/
COPY worker/pom.xml worker/
# mvnw runs through sh so a checkout without the executable bit still builds.
# dependency:go-offline cannot resolve the modules' dependencies on one another, so the same
# package build runs over the empty modules instead (repackage skipped: there is no main class
# yet). That downloads Maven itself, the dependencies and the plugins into this layer.
RUN sh ./mvnw -B -ntp -q -DskipTests -Dspotless.check.skip=true -Dspring-boot.repackage.skip=true package \
 && rm -rf target */target

COPY . .
# Tests and the format check belong to CI, not to the image build.
RUN sh ./mvnw -B -ntp -DskipTests -Dspotless.check.skip=true package \
 && cp worker/target/avance.jar /build/avance.jar

# ---- runtime ----
FROM eclipse-temurin:17-jre

# A fixed non-root UID, so orchestrators that require runAsNonRoot can check it.
# /app is writable by it because the application keeps small state under its working directory.
RUN groupadd --system --gid 10001 avance \
 && useradd --system --uid 10001 --gid avance --home-dir /app --no-create-home --shell /usr/sbin/nologin avance \
 && mkdir -p /app /var/lib/avance/bank/out /var/lib/avance/bank/in \
 && chown -R avance:avance /app /var/lib/avance
WORKDIR /app

COPY --from=build --chown=avance:avance /build/avance.jar /app/avance.jar
# The live bank's drop folder (AVANCE_BANK_DROP_FOLDER): a named volume mounted here starts with
# these owners, so the application can write out/ and move files in in/.
VOLUME /var/lib/avance/bank

USER 10001:10001
# Live keys only, no /sandbox endpoints, no simulated outside world (application-production.yml).
ENV SPRING_PROFILES_ACTIVE=production
EXPOSE 8080
# The JVM sizes its heap from the container's memory limit, not the host's.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/avance.jar"]
