package io.awsinventory.output;

/**
 * How CSV files are written for their readers.
 *
 * @param escapeFormulas whether cells a spreadsheet would run as a formula get a leading apostrophe
 * @param byteOrderMark whether the file starts with a UTF-8 byte-order mark, which Excel needs to
 *     read a double-clicked file as UTF-8
 */
public record CsvStyle(boolean escapeFormulas, boolean byteOrderMark) {
  public static final CsvStyle PLAIN = new CsvStyle(false, false);
}
