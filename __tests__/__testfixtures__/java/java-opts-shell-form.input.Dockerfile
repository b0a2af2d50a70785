FROM eclipse-temurin:17-jdk
WORKDIR /opt/app
COPY Main.java .
RUN javac Main.java && jar cfe app.jar Main Main.class
ENV JAVA_OPTS="-Xms64m -Xmx128m"
CMD java $JAVA_OPTS -jar app.jar
