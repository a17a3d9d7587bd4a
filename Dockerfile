# Build: docker build -t helpdesk-verify .   (docker-compose.yml does this for you)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY test-support test-support
COPY cards cards
COPY bot-app bot-app
COPY manifests manifests
# Part of the reactor (the Helm chart and its test); nothing of it goes into the image.
COPY deploy deploy
# The class-data-sharing archive is made below, by the JRE that will run it (-Dcds.skip here).
RUN ./mvnw -B -ntp -DskipTests -Dcds.skip=true package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 helpdesk
WORKDIR /app
COPY --from=build /src/bot-app/target/bot-app.jar /tmp/bot-app.jar
# Fast start by default (docs/operations.md): the extracted jar and a class-data-sharing archive
# written by a training start of this very JRE at this very path.
RUN java -Djarmode=tools -jar /tmp/bot-app.jar extract --destination /app \
 && java -XX:ArchiveClassesAtExit=/app/bot-app.jsa -Xlog:cds=off -Dhelpdesk.cds-training=true \
      -jar /app/bot-app.jar --spring.profiles.active=local --server.port=0 \
      --helpdesk.data-dir=/tmp/cds-training --logging.level.root=WARN \
 && rm -rf /tmp/bot-app.jar /tmp/cds-training
USER helpdesk
EXPOSE 3978
ENTRYPOINT ["java", "-XX:+UseContainerSupport", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/app/bot-app.jsa", "-jar", "/app/bot-app.jar"]
