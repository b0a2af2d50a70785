FROM maven:3-jdk-8-onbuild
