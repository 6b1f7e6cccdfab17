package io.awsinventory.collect;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Timestamps in the one form AWS's XML answers write them, {@code 2016-11-21T19:50:12.000Z}, read
 * and written by hand: the JDK's {@code DateTimeFormatter} took a twentieth of the collecting
 * threads' time in an organization run. Text in any other form is left to the SDK's converter
 * ({@link #parse} answers null), and an instant outside years 0 to 9999 to {@link
 * Instant#toString()}; within both, the results are the JDK's own.
 */
final class IsoInstants {
  private static final int[] POWERS = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  private IsoInstants() {}

  /**
   * {@code yyyy-MM-ddTHH:mm:ss} with up to nine digits of a fraction and a final {@code Z}, as a
   * valid UTC date and time; null for any other text.
   */
  static Instant parse(String text) {
    int length = text.length();
    if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z') {
      return null;
    }
    if (text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return null;
    }
    if (second < 0 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (length > 20) {
      int fraction = length - 21;
      if (text.charAt(19) != '.' || fraction < 1) {
        return null;
      }
      int value = digits(text, 20, fraction);
      if (value < 0) {
        return null;
      }
      nanos = value * POWERS[9 - fraction];
    }
    long days;
    try {
      days = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null;
    }
    return Instant.ofEpochSecond(days * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
  }

  /** The text of {@link Instant#toString()}. */
  static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    long days = Math.floorDiv(seconds, 86_400);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400);
    LocalDate date;
    try {
      date = LocalDate.ofEpochDay(days);
    } catch (DateTimeException e) {
      return instant.toString();
    }
    if (date.getYear() < 0 || date.getYear() > 9999) {
      return instant.toString();
    }
    char[] out = new char[30];
    put(out, 0, date.getYear(), 4);
    out[4] = '-';
    put(out, 5, date.getMonthValue(), 2);
    out[7] = '-';
    put(out, 8, date.getDayOfMonth(), 2);
    out[10] = 'T';
    put(out, 11, secondOfDay / 3_600, 2);
    out[13] = ':';
    put(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    put(out, 17, secondOfDay % 60, 2);
    int end = 19;
    int nanos = instant.getNano();
    if (nanos != 0) {
      out[end++] = '.';
      if (nanos % 1_000_000 == 0) {
        put(out, end, nanos / 1_000_000, 3);
        end += 3;
      } else if (nanos % 1_000 == 0) {
        put(out, end, nanos / 1_000, 6);
        end += 6;
      } else {
        put(out, end, nanos, 9);
        end += 9;
      }
    }
    out[end++] = 'Z';
    return new String(out, 0, end);
  }

  /** The value of {@code count} ASCII digits from {@code start}, or -1 if one is not a digit. */
  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static void put(char[] out, int start, int value, int count) {
    for (int i = start + count - 1; i >= start; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
