FROM maven:3.8.6-openjdk-18-slim AS builder
WORKDIR /usr/src/app
COPY . .
RUN mvn -B -s settings.xml -o package
RUN mkdir -p /.stageify-empty

FROM eclipse-temurin:18-jre
COPY --from=builder --chown=65532:65532 /.stageify-empty /usr/src/app
WORKDIR /usr/src/app
COPY --from=builder --chown=65532:65532 /usr/src/app/target/greeter-0.3.1.jar /usr/src/app/target/greeter-0.3.1.jar
USER 65532:65532
CMD java -jar target/*.jar
