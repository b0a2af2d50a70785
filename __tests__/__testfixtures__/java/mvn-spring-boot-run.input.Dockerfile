FROM maven:3.9-eclipse-temurin-17
WORKDIR /app
COPY . .
RUN mvn -B dependency:go-offline
CMD ["mvn", "spring-boot:run"]
