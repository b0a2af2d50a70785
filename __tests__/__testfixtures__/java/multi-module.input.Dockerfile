FROM maven:3.9-eclipse-temurin-21
WORKDIR /build
COPY . .
RUN mvn -B -pl web -am package
CMD ["java", "-jar", "web/target/web-1.0.jar"]
