public class Main {
    public static void main(String[] args) {
        System.out.println("greeting property: " + System.getProperty("greeting"));
        System.out.println("max heap <= 64 MiB: " + (Runtime.getRuntime().maxMemory() <= 64L * 1024 * 1024));
        System.out.println("args: " + String.join("|", args));
        System.out.println("workdir: " + System.getProperty("user.dir"));
    }
}
