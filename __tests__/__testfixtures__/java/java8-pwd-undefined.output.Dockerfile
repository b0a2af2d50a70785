FROM java:8 AS builder
COPY . $PWD
WORKDIR $PWD/src
RUN javac ./net/*.java
RUN javac Main.java
RUN mkdir -p /.stageify-empty

FROM eclipse-temurin:8-jre
COPY --from=builder --chown=65532:65532 /.stageify-empty /$PWD/src
WORKDIR $PWD/src
COPY --from=builder --chown=65532:65532 /$PWD/src /$PWD/src
USER 65532:65532
CMD ["java","Main"]
