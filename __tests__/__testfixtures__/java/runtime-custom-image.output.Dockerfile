FROM maven:3.9 AS builder
WORKDIR /app
COPY . .
RUN mvn package
RUN mkdir -p /.stageify-empty

FROM registry.example.com/base/jre:17
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app/target/x-1.jar /app/target/x-1.jar
USER 65532:65532
CMD ["java", "-jar", "target/x-1.jar"]
