package net;

public class Server {
  public String describe() {
    return "server in package net";
  }
}
