FROM openjdk:latest
COPY . .
RUN javac demo/Main.java
CMD ["java","demo.Main"]
