from gradle:8-jdk21 as builder
workdir /src
# copy everything
copy . .
run gradle -p service jar
run mkdir -p /.stageify-empty

from eclipse-temurin:21-jre
copy --from=builder --chown=65532:65532 /.stageify-empty /src
workdir /src
copy --from=builder --chown=65532:65532 /src/service/build/libs/service-3.0.jar /src/service/build/libs/service-3.0.jar
user 65532:65532
cmd ["java", "-jar", "service/build/libs/service-3.0.jar"]
