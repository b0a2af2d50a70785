// Compiled into /bin (javac -d bin from /): the runtime must get the class files, not the builder's /bin.
public class HelloWorld {
  public static void main(String[] args) {
    System.out.println("Hello, World");
    System.out.println("cwd " + System.getProperty("user.dir"));
    System.out.println("ls " + new java.io.File("/bin/ls").exists());
    Helper.greet("Ada");
  }
}

class Helper {
  static void greet(String name) {
    System.out.println("hello " + name);
  }
}
