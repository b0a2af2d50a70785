FROM maven:3.9-eclipse-temurin-21 AS builder
WORKDIR /src
COPY . .
RUN mvn package
RUN mkdir -p /.stageify-empty

FROM eclipse-temurin:21-jre
COPY --from=builder --chown=65532:65532 /.stageify-empty /src
WORKDIR /src
COPY --from=builder --chown=65532:65532 /src/target/tool-*.jar /src/target/
USER 65532:65532
CMD java -jar target/tool-*.jar
