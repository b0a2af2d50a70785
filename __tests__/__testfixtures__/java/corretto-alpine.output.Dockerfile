FROM amazoncorretto:11-alpine-jdk AS builder
WORKDIR /app
COPY Main.java .
RUN javac Main.java && jar cfe app.jar Main Main.class

FROM eclipse-temurin:11-jre-alpine
WORKDIR /app
COPY --from=builder /app/app.jar /app/app.jar
USER 65532:65532
CMD ["java", "-jar", "app.jar"]
