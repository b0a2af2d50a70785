FROM eclipse-temurin:21-jdk-jammy AS builder
WORKDIR /workspace
COPY . .
RUN ./gradlew build -x test

FROM eclipse-temurin:21-jre
WORKDIR /workspace
COPY --from=builder /workspace/build/libs/service.jar /workspace/build/libs/service.jar
USER 65532:65532
CMD ["java", "-jar", "build/libs/service.jar"]
