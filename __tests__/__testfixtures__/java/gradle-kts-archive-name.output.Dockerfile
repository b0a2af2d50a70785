FROM eclipse-temurin:21-jdk-jammy AS builder
WORKDIR /workspace
COPY . .
RUN ./gradlew build -x test
RUN mkdir -p /.stageify-empty

FROM eclipse-temurin:21-jre
COPY --from=builder --chown=65532:65532 /.stageify-empty /workspace
WORKDIR /workspace
COPY --from=builder --chown=65532:65532 /workspace/build/libs/service.jar /workspace/build/libs/service.jar
USER 65532:65532
CMD ["java", "-jar", "build/libs/service.jar"]
