package demo;

public class Main {
    public static void main(String[] args) {
        String jar = Main.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        System.out.println("running " + jar.substring(jar.lastIndexOf('/') + 1));
        System.out.println("args: " + String.join("|", args));
        System.exit(args.length == 0 ? 3 : 0);
    }
}
