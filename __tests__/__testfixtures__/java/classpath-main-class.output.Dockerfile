FROM maven:3.9-eclipse-temurin-17 AS builder
WORKDIR /app
COPY . .
RUN mvn -B package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=builder /app/target/classes /app/target/classes
COPY --from=builder /app/target/lib /app/target/lib
USER 65532:65532
CMD ["java", "-cp", "target/classes:target/lib/*", "demo.Main"]
