package demo;

import java.io.InputStream;
import java.util.Properties;

public class Main {
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/app.properties")) {
            p.load(in);
        }
        System.out.println(p.getProperty("greeting"));
        System.out.println("workdir: " + System.getProperty("user.dir"));
        System.out.println("APP_MODE: " + System.getenv("APP_MODE"));
        System.out.println("java major: " + Runtime.version().feature());
        String jar = Main.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        System.out.println("jar: " + jar);
        System.out.println("args: " + String.join("|", args));
    }
}
