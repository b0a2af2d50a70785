FROM openjdk AS builder
WORKDIR .
COPY . .
RUN javac Main.java
RUN mkdir -p /.stageify-classes && cp -p /*.class /.stageify-classes/

FROM eclipse-temurin:18-jre
WORKDIR .
COPY --from=builder /.stageify-classes/ /
COPY --from=builder /app.properties /app.properties
USER 65532:65532
CMD ["java","Main"]
