FROM java:7
WORKDIR /app
COPY Main.java .
RUN javac Main.java
CMD ["java","Main"]
