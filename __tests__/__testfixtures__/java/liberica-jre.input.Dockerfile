FROM bellsoft/liberica-openjre-debian:21
COPY app.jar /app.jar
CMD ["java","-jar","/app.jar"]
