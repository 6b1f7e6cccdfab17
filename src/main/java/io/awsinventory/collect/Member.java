package io.awsinventory.collect;

/**
 * A record member a collector writes beyond its API model's own: its name, its JSON type ({@code
 * string}, {@code integer}, {@code boolean}, {@code array} of objects) and, for timestamps, the
 * string format.
 */
public record Member(String name, String type, String format, String description) {

  public static Member text(String name, String description) {
    return new Member(name, "string", null, description);
  }

  public static Member timestamp(String name, String description) {
    return new Member(name, "string", "date-time", description);
  }

  public static Member integer(String name, String description) {
    return new Member(name, "integer", null, description);
  }

  /** A list of objects, written as compact JSON text in a CSV cell. */
  public static Member list(String name, String description) {
    return new Member(name, "array", null, description);
  }

  public static Member bool(String name, String description) {
    return new Member(name, "boolean", null, description);
  }
}
