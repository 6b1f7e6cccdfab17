package io.awsinventory.it;

import java.util.concurrent.Callable;

/**
 * The data moto holds, made once and shared by the test classes that only read it. The emulator
 * holds one seed at a time: asking for another resets it first, so classes cannot see each other's
 * data whatever order they run in.
 */
final class SeededMoto {
  private static String current;
  private static Object seed;

  private SeededMoto() {}

  static MotoSeed standard() throws Exception {
    return get("standard", () -> new MotoSeed(MotoServer.endpoint()).seedStandard());
  }

  static OrganizationSeed organization() throws Exception {
    return get("organization", () -> new OrganizationSeed(MotoServer.endpoint()).seed());
  }

  static LicenceSeed licence() throws Exception {
    return get("licence", () -> new LicenceSeed(new MotoSeed(MotoServer.endpoint())).seed());
  }

  /** Data a test class changes as it goes: made afresh, so no other class reads it. */
  static <T> T changing(String name, Callable<T> seeder) throws Exception {
    synchronized (SeededMoto.class) {
      current = null;
    }
    T made = get(name, seeder);
    synchronized (SeededMoto.class) {
      // whoever asks next gets its own seed again
      current = null;
    }
    return made;
  }

  @SuppressWarnings("unchecked")
  private static synchronized <T> T get(String name, Callable<T> seeder) throws Exception {
    if (!name.equals(current)) {
      MotoServer.reset();
      current = null;
      seed = seeder.call();
      current = name;
    }
    return (T) seed;
  }
}
