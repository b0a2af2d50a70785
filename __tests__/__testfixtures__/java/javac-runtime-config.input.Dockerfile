FROM amazoncorretto:17
WORKDIR /srv
COPY . .
RUN javac -d classes Main.java \
 && jar cfe app.jar Main -C classes .
CMD ["java", "-jar", "app.jar", "config/app.properties"]
