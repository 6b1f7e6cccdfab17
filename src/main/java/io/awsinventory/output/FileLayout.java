package io.awsinventory.output;

import java.util.List;

/**
 * How one resource type's records are laid out in its file.
 *
 * @param fileStem the file name without its extension
 * @param columns the CSV columns after the context columns, as dotted member paths
 * @param tagsMember the member that holds a record's tags as a list of Key/Value objects
 */
public record FileLayout(String fileStem, List<String> columns, String tagsMember) {
  public FileLayout {
    columns = List.copyOf(columns);
  }

  public String fileName(OutputFormat format) {
    return fileStem + "." + format.extension();
  }
}
