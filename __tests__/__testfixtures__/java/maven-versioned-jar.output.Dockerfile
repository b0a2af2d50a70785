FROM maven:3.9-eclipse-temurin-21 AS builder
WORKDIR /app
COPY pom.xml .
COPY src ./src
# build without tests
RUN mvn -B package -DskipTests
RUN mkdir -p /.stageify-empty

FROM eclipse-temurin:21-jre
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app/target/hello-1.2.0.jar /app/target/hello-1.2.0.jar
USER 65532:65532
EXPOSE 8080
CMD ["java", "-jar", "target/hello-1.2.0.jar"]
