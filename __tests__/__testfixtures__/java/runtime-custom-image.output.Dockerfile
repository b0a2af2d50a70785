FROM maven:3.9 AS builder
WORKDIR /app
COPY . .
RUN mvn package

FROM registry.example.com/base/jre:17
WORKDIR /app
COPY --from=builder /app/target/x-1.jar /app/target/x-1.jar
USER 65532:65532
CMD ["java", "-jar", "target/x-1.jar"]
