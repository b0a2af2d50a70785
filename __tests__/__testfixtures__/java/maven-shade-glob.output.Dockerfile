FROM maven:3.9-eclipse-temurin-21 AS builder
WORKDIR /src
COPY . .
RUN mvn package

FROM eclipse-temurin:21-jre
WORKDIR /src
COPY --from=builder /src/target/tool-*.jar /src/target/
USER 65532:65532
CMD java -jar target/tool-*.jar
