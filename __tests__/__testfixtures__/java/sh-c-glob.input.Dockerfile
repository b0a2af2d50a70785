FROM maven:3.9-eclipse-temurin-17
WORKDIR /app
COPY . .
RUN mvn -B package -DskipTests
ENV JAVA_OPTS=-Xmx128m
ENTRYPOINT ["sh", "-c", "java $JAVA_OPTS -jar target/*.jar"]
