FROM maven:3.9-eclipse-temurin-17 AS builder
WORKDIR /app
COPY . .
RUN mvn -B package -DskipTests
ENV JAVA_OPTS=-Xmx128m
RUN mkdir -p /.stageify-empty

FROM eclipse-temurin:17-jre
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
ENV JAVA_OPTS=-Xmx128m
COPY --from=builder --chown=65532:65532 /app/target/api-1.1.0.jar /app/target/api-1.1.0.jar
USER 65532:65532
ENTRYPOINT ["sh", "-c", "java $JAVA_OPTS -jar target/*.jar"]
