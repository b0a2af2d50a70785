FROM bellsoft/liberica-openjdk-alpine:17
WORKDIR /app
COPY Main.java .
RUN javac Main.java && jar cfe app.jar Main Main.class
CMD ["java", "-jar", "app.jar"]
