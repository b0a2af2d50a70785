FROM maven:3.8.6-openjdk-18-slim
WORKDIR /usr/src/app
COPY . .
RUN mvn -B -s settings.xml -o package
CMD java -jar target/*.jar
