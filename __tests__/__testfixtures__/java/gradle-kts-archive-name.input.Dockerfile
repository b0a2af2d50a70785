FROM eclipse-temurin:21-jdk-jammy
WORKDIR /workspace
COPY . .
RUN ./gradlew build -x test
CMD ["java", "-jar", "build/libs/service.jar"]
