public class HelloWorld { public static void main(String[] a) { System.out.println("hi"); } }
