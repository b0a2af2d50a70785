FROM maven:3.9-eclipse-temurin-17 AS builder
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/root/.m2 mvn -B package
RUN mkdir -p /.stageify-empty

FROM eclipse-temurin:17-jre
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app/target/app.jar /app/target/app.jar
USER 65532:65532
CMD ["java", "-jar", "target/app.jar"]
