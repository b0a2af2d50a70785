FROM java:8 AS builder
COPY src src
RUN javac -d bin src/HelloWorld.java
RUN mkdir -p /.stageify-classes && cp -p /bin/*.class /.stageify-classes/

FROM eclipse-temurin:8-jre
COPY --from=builder /.stageify-classes/ /bin/
USER 65532:65532
ENTRYPOINT ["java","-cp","bin","HelloWorld"]
