FROM maven:3.9-eclipse-temurin-17 AS builder
WORKDIR /app
COPY . .
RUN mvn -B package
RUN mkdir -p /.stageify-empty

FROM eclipse-temurin:17-jre
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app/target/classes /app/target/classes
COPY --from=builder --chown=65532:65532 /app/target/lib /app/target/lib
USER 65532:65532
CMD ["java", "-cp", "target/classes:target/lib/*", "demo.Main"]
