FROM adoptopenjdk:11-jdk-hotspot
WORKDIR /app
COPY Main.java .
RUN javac Main.java && jar cfe app.jar Main Main.class
CMD ["java", "-jar", "app.jar"]
