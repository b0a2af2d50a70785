FROM openjdk:21
WORKDIR /opt/app
COPY Main.java .
RUN javac Main.java && jar cfe app.jar Main Main.class
CMD ["java", "-XX:MaxRAMPercentage=75", "-jar", "app.jar"]
