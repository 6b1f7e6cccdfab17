package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * What an EC2 billing code ({@code UsageOperation}, the {@code lineitem/Operation} of the Cost and
 * Usage Report) says about licences: the products whose licence is included in the hourly price,
 * and whether the operating system licence is brought by the customer.
 *
 * <p>The table is AWS's "AMI billing information fields" page of the Amazon EC2 User Guide
 * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/billing-info-fields.html), every row of it.
 * A code that is not in the table leaves both members out: nothing is guessed.
 */
public final class BillingCodes {
  public static final String LICENSE_INCLUDED = "LicenseIncluded";
  public static final String BYOL = "Byol";

  private static final String WINDOWS = "Windows Server";
  private static final String RHEL = "Red Hat Enterprise Linux";
  private static final String HA = "Red Hat Enterprise Linux High Availability";
  private static final String SQL_STANDARD = "SQL Server Standard";
  private static final String SQL_ENTERPRISE = "SQL Server Enterprise";
  private static final String SQL_WEB = "SQL Server Web";

  /** One row of the table: the licence-included products, and bring-your-own-licence. */
  public record Licensing(String licenseIncluded, boolean byol) {}

  private static final Map<String, Licensing> TABLE =
      Map.ofEntries(
          row("RunInstances", "", false), // Linux/UNIX
          row("RunInstances:00g0", "", true), // Red Hat BYOL Linux
          row("RunInstances:0010", RHEL, false),
          row("RunInstances:1010", RHEL + "; " + HA, false),
          row("RunInstances:1014", RHEL + "; " + HA + "; " + SQL_STANDARD, false),
          row("RunInstances:1110", RHEL + "; " + HA + "; " + SQL_ENTERPRISE, false),
          row("RunInstances:0014", RHEL + "; " + SQL_STANDARD, false),
          row("RunInstances:0210", RHEL + "; " + SQL_WEB, false),
          row("RunInstances:0110", RHEL + "; " + SQL_ENTERPRISE, false),
          row("RunInstances:0100", SQL_ENTERPRISE, false),
          row("RunInstances:0004", SQL_STANDARD, false),
          row("RunInstances:0200", SQL_WEB, false),
          row("RunInstances:000g", "SUSE Linux Enterprise Server", false),
          row("RunInstances:0g00", "Ubuntu Pro", false),
          row("RunInstances:0002", WINDOWS, false),
          row("RunInstances:0800", "", true), // Windows BYOL
          row("RunInstances:0102", WINDOWS + "; " + SQL_ENTERPRISE, false),
          row("RunInstances:0006", WINDOWS + "; " + SQL_STANDARD, false),
          row("RunInstances:0202", WINDOWS + "; " + SQL_WEB, false));

  private BillingCodes() {}

  private static Map.Entry<String, Licensing> row(String code, String included, boolean byol) {
    return Map.entry(code, new Licensing(included, byol));
  }

  /** The licensing of a billing code, or null when the code is not in AWS's table. */
  public static Licensing of(String usageOperation) {
    return usageOperation == null ? null : TABLE.get(usageOperation);
  }

  /** Every billing code of the table. */
  public static java.util.Set<String> codes() {
    return TABLE.keySet();
  }

  /** Adds {@value #LICENSE_INCLUDED} and {@value #BYOL} for the record's usage operation. */
  static void annotate(ObjectNode record) {
    var usage = record.get("UsageOperation");
    Licensing licensing = usage == null ? null : of(usage.asText());
    if (licensing != null) {
      record.put(LICENSE_INCLUDED, licensing.licenseIncluded());
      record.put(BYOL, licensing.byol());
    }
  }

  /** The members {@link #annotate} adds, for the record schema. */
  static java.util.List<Member> members() {
    return java.util.List.of(
        Member.text(
            LICENSE_INCLUDED,
            "The products whose licence is in the hourly price, from UsageOperation and AWS's table"
                + " of billing codes, joined by '; '; empty for none. Absent for a code not in"
                + " the table."),
        Member.bool(
            BYOL,
            "Whether the operating system licence is brought by the customer (the Windows BYOL"
                + " and Red Hat BYOL billing codes). Absent for a code not in the table."));
  }
}
