FROM amazoncorretto:17 AS builder
WORKDIR /srv
COPY . .
RUN javac -d classes Main.java \
 && jar cfe app.jar Main -C classes .
RUN mkdir -p /.stageify-empty

FROM eclipse-temurin:17-jre
COPY --from=builder --chown=65532:65532 /.stageify-empty /srv
WORKDIR /srv
COPY --from=builder --chown=65532:65532 /srv/app.jar /srv/app.jar
COPY --from=builder --chown=65532:65532 /srv/config /srv/config
USER 65532:65532
CMD ["java", "-jar", "app.jar", "config/app.properties"]
