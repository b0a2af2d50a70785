plugins { java }
version = "1.4.0"
tasks.jar {
    archiveFileName.set("service.jar")
    manifest { attributes["Main-Class"] = "demo.Main" }
}
