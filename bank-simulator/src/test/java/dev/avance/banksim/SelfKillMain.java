package dev.avance.banksim;

/** The child JVM of {@link CrashTest#selfKillEndsTheJvmWithoutShutdownHooks}. */
public final class SelfKillMain {
  private SelfKillMain() {}

  public static void main(String[] args) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
    SelfKill.now();
    System.out.println("survived");
    System.exit(3);
  }
}
