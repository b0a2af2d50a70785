FROM maven:3-jdk-8 AS builder
# ONBUILD triggers of maven:3-jdk-8-onbuild, written out
WORKDIR /usr/src/app
ADD . /usr/src/app
RUN mvn install
RUN mkdir -p /.stageify-empty

FROM eclipse-temurin:8-jre
COPY --from=builder --chown=65532:65532 /.stageify-empty /usr/src/app
WORKDIR /usr/src/app
COPY --from=builder --chown=65532:65532 /usr/src/app/target/demo-1.0.jar /usr/src/app/target/demo-1.0.jar
USER 65532:65532
CMD ["java", "-jar", "target/demo-1.0.jar"]
