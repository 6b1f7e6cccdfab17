package io.awsinventory;

/**
 * Text shown to a person with its invisible characters made visible: control characters, format
 * characters (zero-width spaces, byte-order marks) and unusual blanks become {@code \\uXXXX}, so a
 * message never hides what is wrong, and text from outside cannot move the cursor or forge lines.
 */
public final class Printable {
  private Printable() {}

  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isInvisible(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isInvisible(char c) {
    int type = Character.getType(c);
    return Character.isISOControl(c)
        || type == Character.FORMAT
        || (type == Character.SPACE_SEPARATOR && c != ' ');
  }
}
