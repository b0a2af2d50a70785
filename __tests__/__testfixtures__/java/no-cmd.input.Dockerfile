FROM eclipse-temurin:17-jdk
WORKDIR /app
COPY Main.java .
RUN javac Main.java && jar cfe app.jar Main Main.class
