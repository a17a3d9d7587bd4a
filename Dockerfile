# Build: docker build -t helpdesk-verify .   (docker-compose.yml does this for you)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY test-support test-support
COPY cards cards
COPY bot-app bot-app
COPY manifests manifests
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 helpdesk
WORKDIR /app
COPY --from=build /src/bot-app/target/bot-app.jar /app/bot-app.jar
USER helpdesk
EXPOSE 3978
ENTRYPOINT ["java", "-XX:+UseContainerSupport", "-XX:MaxRAMPercentage=75", "-jar", "/app/bot-app.jar"]
