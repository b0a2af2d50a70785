import java.nio.file.Files;
import java.nio.file.Path;

public class Main {
    public static void main(String[] args) throws Exception {
        System.out.println("args: " + String.join("|", args));
        System.out.println("workdir: " + System.getProperty("user.dir"));
        System.out.println("config: " + Files.readString(Path.of("conf/settings.txt")).trim());
    }
}
