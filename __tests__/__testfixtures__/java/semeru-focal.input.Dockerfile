FROM ibm-semeru-runtimes:open-17-jdk-focal
WORKDIR /opt/app
COPY Main.java .
RUN javac Main.java && jar cfe app.jar Main Main.class
ENTRYPOINT ["java", "-jar", "app.jar"]
