FROM gradle:8.5-jdk17 AS builder
WORKDIR /home/gradle/project
COPY --chown=gradle:gradle . .
RUN gradle bootJar --no-daemon
RUN mkdir -p /.stageify-empty

FROM eclipse-temurin:17-jre
COPY --from=builder --chown=65532:65532 /.stageify-empty /home/gradle/project
WORKDIR /home/gradle/project
COPY --from=builder --chown=65532:65532 /home/gradle/project/build/libs/*.jar /home/gradle/project/build/libs/
USER 65532:65532
EXPOSE 8080
CMD java -jar build/libs/*.jar
