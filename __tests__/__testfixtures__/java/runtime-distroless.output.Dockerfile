FROM eclipse-temurin:17-jdk AS builder
WORKDIR /opt/app
COPY Main.java .
RUN javac Main.java && jar cfe app.jar Main Main.class
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/java17-debian12:nonroot
COPY --from=builder --chown=65532:65532 /.stageify-empty /opt/app
WORKDIR /opt/app
COPY --from=builder --chown=65532:65532 /opt/app/app.jar /opt/app/app.jar
CMD ["app.jar", "--greeting", "hello"]
