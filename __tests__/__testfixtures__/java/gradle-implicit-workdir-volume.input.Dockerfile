FROM gradle:8-jdk17
COPY --chown=gradle:gradle . project
RUN cd project && gradle build -x test
VOLUME /home/gradle/project/data
CMD ["java", "-jar", "project/build/libs/service.jar"]
