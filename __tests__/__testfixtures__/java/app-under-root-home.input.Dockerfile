FROM openjdk:17
COPY src /root/hello/src
WORKDIR /root/hello
RUN javac -d bin src/HelloWorld.java
ENTRYPOINT ["java", "-cp", "bin", "HelloWorld"]
