package net;
public class Server {
  public void run() { System.out.println("run"); }
}
