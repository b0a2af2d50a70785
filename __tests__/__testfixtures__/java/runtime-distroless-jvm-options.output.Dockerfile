FROM openjdk:21 AS builder
WORKDIR /opt/app
COPY Main.java .
RUN javac Main.java && jar cfe app.jar Main Main.class

FROM gcr.io/distroless/java21-debian12:nonroot
ENTRYPOINT []
WORKDIR /opt/app
COPY --from=builder /opt/app/app.jar /opt/app/app.jar
CMD ["java", "-XX:MaxRAMPercentage=75", "-jar", "app.jar"]
