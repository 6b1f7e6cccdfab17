package io.awsinventory.cli;

import io.awsinventory.output.OutputFormat;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --format json|jsonl|csv}: converted to an {@link OutputFormat}, named in lower case. */
final class FormatOption {
  private FormatOption() {}

  /** The names for help and completion. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(OutputFormat.values()).map(OutputFormat::extension).iterator();
    }
  }

  static final class Converter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      return OutputFormat.fromName(value.strip().toLowerCase(Locale.ROOT))
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "unknown format '" + value + "' (expected json, jsonl or csv)"));
    }
  }
}
