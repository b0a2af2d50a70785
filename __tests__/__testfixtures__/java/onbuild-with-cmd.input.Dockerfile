FROM maven:3-jdk-8-onbuild
CMD ["java", "-jar", "target/demo-1.0.jar"]
