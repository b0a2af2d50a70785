FROM eclipse-temurin:17-jdk AS builder
WORKDIR /opt/app
COPY Main.java .
RUN javac Main.java && jar cfe app.jar Main Main.class
ENV JAVA_OPTS="-Xms64m -Xmx128m"
RUN mkdir -p /.stageify-empty

FROM eclipse-temurin:17-jre
COPY --from=builder --chown=65532:65532 /.stageify-empty /opt/app
WORKDIR /opt/app
ENV JAVA_OPTS="-Xms64m -Xmx128m"
COPY --from=builder --chown=65532:65532 /opt/app/app.jar /opt/app/app.jar
USER 65532:65532
CMD java $JAVA_OPTS -jar app.jar
