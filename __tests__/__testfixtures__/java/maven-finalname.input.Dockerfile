FROM maven:3-eclipse-temurin-17
ENV JAVA_OPTS="-Xmx256m" MAVEN_OPTS="-Xmx1g"
WORKDIR /build
COPY . .
RUN mvn -B clean package -DskipTests
ENTRYPOINT ["java", "-jar", "/build/target/service.jar"]
CMD ["--server.port=8080"]
