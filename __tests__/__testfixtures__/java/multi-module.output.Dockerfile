FROM maven:3.9-eclipse-temurin-21 AS builder
WORKDIR /build
COPY . .
RUN mvn -B -pl web -am package
RUN mkdir -p /.stageify-empty

FROM eclipse-temurin:21-jre
COPY --from=builder --chown=65532:65532 /.stageify-empty /build
WORKDIR /build
COPY --from=builder --chown=65532:65532 /build/web/target/web-1.0.jar /build/web/target/web-1.0.jar
USER 65532:65532
CMD ["java", "-jar", "web/target/web-1.0.jar"]
