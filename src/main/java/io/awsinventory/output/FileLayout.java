package io.awsinventory.output;

import java.util.List;

/**
 * How one resource type's records are laid out in its file.
 *
 * @param fileStem the file name without its extension
 * @param columns the CSV columns after the context columns, as dotted member paths
 * @param tagsMember the member that holds a record's tags as a list of Key/Value objects
 * @param laterColumns columns added after the carry columns ({@code Stale}, {@code LastSeenAt}): a
 *     file's columns never move, new ones go after the existing ones
 */
public record FileLayout(
    String fileStem, List<String> columns, String tagsMember, List<String> laterColumns) {
  public FileLayout {
    columns = List.copyOf(columns);
    laterColumns = List.copyOf(laterColumns);
  }

  public FileLayout(String fileStem, List<String> columns, String tagsMember) {
    this(fileStem, columns, tagsMember, List.of());
  }

  public String fileName(OutputFormat format) {
    return fileStem + "." + format.extension();
  }
}
