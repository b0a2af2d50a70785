FROM eclipse-temurin:17-jdk
WORKDIR /opt/app
COPY Main.java .
RUN javac Main.java && jar cfe app.jar Main Main.class
CMD java -jar app.jar --greeting hello
