import net.Server;
public class Main {
  public static void main(String[] a) { new Server().run(); }
}
