FROM maven:3.9-eclipse-temurin-17
RUN useradd -r appuser
WORKDIR /app
COPY . .
RUN mvn -B package
USER appuser
CMD ["java", "-jar", "target/svc-1.0.jar"]
