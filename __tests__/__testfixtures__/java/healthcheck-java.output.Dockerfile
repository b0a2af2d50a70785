FROM eclipse-temurin:17-jdk AS builder
WORKDIR /app
COPY . .
RUN ./mvnw -B package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=builder /app/target/svc-1.0.jar /app/target/svc-1.0.jar
USER 65532:65532
HEALTHCHECK --interval=30s CMD ["java", "-cp", "target/svc-1.0.jar", "demo.Health"]
CMD ["java", "-jar", "target/svc-1.0.jar"]
