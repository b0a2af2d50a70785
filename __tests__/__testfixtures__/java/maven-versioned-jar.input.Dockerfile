FROM maven:3.9-eclipse-temurin-21
WORKDIR /app
COPY pom.xml .
COPY src ./src
# build without tests
RUN mvn -B package -DskipTests
EXPOSE 8080
CMD ["java", "-jar", "target/hello-1.2.0.jar"]
