FROM eclipse-temurin:17-jdk AS builder
WORKDIR /opt/app
COPY Main.java .
RUN javac Main.java && jar cfe app.jar Main Main.class

FROM gcr.io/distroless/java17-debian12:nonroot
WORKDIR /opt/app
COPY --from=builder /opt/app/app.jar /opt/app/app.jar
CMD ["app.jar", "--greeting", "hello"]
