FROM openjdk:17-jdk-slim
WORKDIR /app
COPY Main.java .
RUN javac Main.java && jar cfe app.jar Main Main.class
CMD ["/usr/local/openjdk-17/bin/java", "-jar", "app.jar"]
