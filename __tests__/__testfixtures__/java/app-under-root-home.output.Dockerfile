FROM openjdk:17 AS builder
COPY src /root/hello/src
WORKDIR /root/hello
RUN javac -d bin src/HelloWorld.java

FROM eclipse-temurin:17-jre
WORKDIR /root/hello
COPY --from=builder /root/hello/bin /root/hello/bin
ENTRYPOINT ["java", "-cp", "bin", "HelloWorld"]
