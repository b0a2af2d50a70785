FROM adoptopenjdk:11-jdk-openj9
WORKDIR /app
COPY Main.java .
RUN javac Main.java && jar cfe app.jar Main Main.class
CMD ["java", "-Xshareclasses", "-jar", "app.jar"]
