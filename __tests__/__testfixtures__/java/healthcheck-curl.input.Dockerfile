FROM maven:3.9-eclipse-temurin-17
WORKDIR /app
COPY . .
RUN mvn -B package
HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1
CMD ["java", "-jar", "target/svc-1.0.jar"]
