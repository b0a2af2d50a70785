FROM maven:3.9
WORKDIR /app
COPY . .
RUN mvn package
CMD ["java", "-jar", "target/x-1.jar"]
