FROM java:8-jre
COPY app.jar /app.jar
CMD ["java","-jar","/app.jar"]
