package io.ztpd.app;

/** Entry point of the ztpd command line. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.out.println("ztpd");
  }
}
