FROM amazoncorretto:17 AS builder
WORKDIR /srv
COPY . .
RUN javac -d classes Main.java \
 && jar cfe app.jar Main -C classes .

FROM eclipse-temurin:17-jre
WORKDIR /srv
COPY --from=builder /srv/app.jar /srv/app.jar
COPY --from=builder /srv/config /srv/config
USER 65532:65532
CMD ["java", "-jar", "app.jar", "config/app.properties"]
