from gradle:8-jdk21
workdir /src
# copy everything
copy . .
run gradle -p service jar
cmd ["java", "-jar", "service/build/libs/service-3.0.jar"]
