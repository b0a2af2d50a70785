FROM eclipse-temurin:17-jdk AS builder
WORKDIR /app
COPY . .
RUN ./mvnw -B package
RUN mkdir -p /.stageify-empty

FROM eclipse-temurin:17-jre
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app/target/svc-1.0.jar /app/target/svc-1.0.jar
USER 65532:65532
HEALTHCHECK --interval=30s CMD ["java", "-cp", "target/svc-1.0.jar", "demo.Health"]
CMD ["java", "-jar", "target/svc-1.0.jar"]
