FROM eclipse-temurin:17-jdk
WORKDIR /app
COPY . .
RUN ./mvnw -B package
HEALTHCHECK --interval=30s CMD ["java", "-cp", "target/svc-1.0.jar", "demo.Health"]
CMD ["java", "-jar", "target/svc-1.0.jar"]
