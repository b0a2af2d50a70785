package demo;

import java.io.BufferedReader;
import java.io.FileReader;

public class Main {
    public static void main(String[] args) throws Exception {
        try (BufferedReader r = new BufferedReader(new FileReader("data/greeting.txt"))) {
            System.out.println(r.readLine());
        }
        System.out.println("workdir: " + System.getProperty("user.dir"));
        System.out.println("args: " + args.length);
    }
}
