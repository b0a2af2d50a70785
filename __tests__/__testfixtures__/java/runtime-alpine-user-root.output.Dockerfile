FROM eclipse-temurin:21-jdk AS builder
WORKDIR /app
COPY Main.java .
RUN javac Main.java && jar cfe app.jar Main Main.class

FROM eclipse-temurin:21-jre-alpine
WORKDIR /app
COPY --from=builder /app/app.jar /app/app.jar
CMD ["java", "-jar", "app.jar"]
