FROM adoptopenjdk:11-jdk-openj9 AS builder
WORKDIR /app
COPY Main.java .
RUN javac Main.java && jar cfe app.jar Main Main.class
RUN mkdir -p /.stageify-empty

FROM ibm-semeru-runtimes:open-11-jre
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app/app.jar /app/app.jar
USER 65532:65532
CMD ["java", "-Xshareclasses", "-jar", "app.jar"]
