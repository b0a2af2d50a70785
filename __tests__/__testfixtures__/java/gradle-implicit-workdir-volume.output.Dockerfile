FROM gradle:8-jdk17 AS builder
COPY --chown=gradle:gradle . project
RUN cd project && gradle build -x test
RUN mkdir -p /.stageify-empty

FROM eclipse-temurin:17-jre
COPY --from=builder --chown=65532:65532 /.stageify-empty /home/gradle
COPY --from=builder --chown=65532:65532 /.stageify-empty /home/gradle/project/data
WORKDIR /home/gradle
COPY --from=builder --chown=65532:65532 /home/gradle/project/build/libs/service.jar /home/gradle/project/build/libs/service.jar
USER 65532:65532
VOLUME /home/gradle/project/data
CMD ["java", "-jar", "project/build/libs/service.jar"]
