package io.awsinventory.it;

/** The standard seed, made once per test JVM and shared by the classes that only read it. */
final class SeededMoto {
  private static MotoSeed seed;

  private SeededMoto() {}

  static synchronized MotoSeed get() throws Exception {
    if (seed == null) {
      MotoServer.reset();
      seed = new MotoSeed(MotoServer.endpoint()).seedStandard();
    }
    return seed;
  }
}
