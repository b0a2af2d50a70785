FROM maven:3.9-eclipse-temurin-21
WORKDIR /src
COPY . .
RUN mvn package
CMD java -jar target/tool-*.jar
