FROM eclipse-temurin:17-jdk
COPY notes.txt /opt/notes.txt
CMD ["java", "-jar", "/opt/app.jar"]
