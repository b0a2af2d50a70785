// $PWD is not defined at build time: COPY . $PWD copies to /, WORKDIR $PWD/src is /src.
import net.Server;

public class Main {
  public static void main(String[] args) {
    System.out.println("cwd " + System.getProperty("user.dir"));
    System.out.println(new Server().describe());
  }
}
