FROM maven:3.9-eclipse-temurin-17 AS builder
RUN useradd -r appuser
WORKDIR /app
COPY . .
RUN mvn -B package
USER appuser

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=builder /app/target/svc-1.0.jar /app/target/svc-1.0.jar
COPY --from=builder /etc/passwd /etc/passwd
COPY --from=builder /etc/group /etc/group
USER appuser
CMD ["java", "-jar", "target/svc-1.0.jar"]
