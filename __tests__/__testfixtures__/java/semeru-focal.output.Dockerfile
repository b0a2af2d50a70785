FROM ibm-semeru-runtimes:open-17-jdk-focal AS builder
WORKDIR /opt/app
COPY Main.java .
RUN javac Main.java && jar cfe app.jar Main Main.class
RUN mkdir -p /.stageify-empty

FROM ibm-semeru-runtimes:open-17-jre-focal
COPY --from=builder --chown=65532:65532 /.stageify-empty /opt/app
WORKDIR /opt/app
COPY --from=builder --chown=65532:65532 /opt/app/app.jar /opt/app/app.jar
USER 65532:65532
ENTRYPOINT ["java", "-jar", "app.jar"]
