FROM maven:3-eclipse-temurin-17 AS builder
ENV JAVA_OPTS="-Xmx256m" MAVEN_OPTS="-Xmx1g"
WORKDIR /build
COPY . .
RUN mvn -B clean package -DskipTests
RUN mkdir -p /.stageify-empty

FROM eclipse-temurin:17-jre
COPY --from=builder --chown=65532:65532 /.stageify-empty /build
ENV JAVA_OPTS="-Xmx256m" MAVEN_OPTS="-Xmx1g"
WORKDIR /build
COPY --from=builder --chown=65532:65532 /build/target/service.jar /build/target/service.jar
USER 65532:65532
ENTRYPOINT ["java", "-jar", "/build/target/service.jar"]
CMD ["--server.port=8080"]
