package io.awsinventory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The data files of tab-separated rows (the product table, the licence rules): each line split at
 * its tabs, empty cells kept; blank lines and lines starting with {@code #} left out.
 */
public final class TabSeparated {
  /** A row: its line number in the file (from 1), for messages, and its cells. */
  public record Row(int line, String[] cells) {}

  private TabSeparated() {}

  public static List<Row> read(InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<Row> rows = new ArrayList<>();
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (!line.isBlank() && !line.startsWith("#")) {
        rows.add(new Row(number, line.split("\t", -1)));
      }
    }
    return rows;
  }
}
