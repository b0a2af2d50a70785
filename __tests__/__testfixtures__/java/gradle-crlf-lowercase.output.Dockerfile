from gradle:8-jdk21 as builder
workdir /src
# copy everything
copy . .
run gradle -p service jar

from eclipse-temurin:21-jre
workdir /src
copy --from=builder /src/service/build/libs/service-3.0.jar /src/service/build/libs/service-3.0.jar
user 65532:65532
cmd ["java", "-jar", "service/build/libs/service-3.0.jar"]
