package io.hlsforge.cli;

import io.hlsforge.run.RunHooks;

/**
 * The hooks a run's tasks get: none, unless the JVM system property {@code hlsforge.hooks} names a
 * {@link RunHooks} class with a public no-argument constructor. Read once, on the driver; the
 * instance travels to the executors with the run context. Only tests set it: a spark-submit or
 * cluster test cannot hand the pipeline a run context itself, so it ships its hooks in a test jar
 * ({@code --jars}) and names the class here. Deliberately not a config key: nothing in a user's
 * configuration can make a run fail on purpose.
 */
final class HooksProperty {
  static final String NAME = "hlsforge.hooks";

  private HooksProperty() {}

  static RunHooks load() {
    String name = System.getProperty(NAME);
    if (name == null || name.isBlank()) {
      return RunHooks.NONE;
    }
    try {
      RunHooks hooks =
          Class.forName(name.strip(), true, Thread.currentThread().getContextClassLoader())
              .asSubclass(RunHooks.class)
              .getConstructor()
              .newInstance();
      // Loud on purpose: hooks exist for tests, and an operator must see them in any other run.
      System.err.println("hlsforge: run hooks " + hooks.getClass().getName() + " (-D" + NAME + ")");
      return hooks;
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new UsageException("Cannot use -D" + NAME + "=" + name + ": " + e, e);
    }
  }
}
