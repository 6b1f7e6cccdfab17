package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * What an EC2 billing code ({@code UsageOperation}, the {@code lineitem/Operation} of the Cost and
 * Usage Report) says about licences: the products whose licence is included in the hourly price,
 * and whether the operating system licence is brought by the customer.
 *
 * <p>The codes are the billing-code rows of the product table ({@link ProductTable}): AWS's "AMI
 * billing information fields" page of the Amazon EC2 User Guide, every row of it. A code that is
 * not in the table leaves both members out: nothing is guessed.
 */
public final class BillingCodes {
  public static final String LICENSE_INCLUDED = "LicenseIncluded";
  public static final String BYOL = "Byol";

  /** One row of the table: the licence-included products, and bring-your-own-licence. */
  public record Licensing(String licenseIncluded, boolean byol) {}

  private BillingCodes() {}

  /** The licensing of a billing code, or null when the code is not in AWS's table. */
  public static Licensing of(String usageOperation) {
    List<ProductTable.Row> rows = ProductTable.builtIn().billingCode(usageOperation);
    if (rows == null) {
      return null;
    }
    StringJoiner included = new StringJoiner("; ");
    boolean byol = false;
    for (ProductTable.Row row : rows) {
      if (row.licence().equals("included")) {
        included.add(row.edition().isEmpty() ? row.product() : row.product() + " " + row.edition());
      }
      byol |= row.licence().equals("byol");
    }
    return new Licensing(included.toString(), byol);
  }

  /** Every billing code of the table. */
  public static Set<String> codes() {
    Set<String> codes = new TreeSet<>();
    for (ProductTable.Row row : ProductTable.builtIn().rows()) {
      if (row.source().equals(ProductTable.BILLING_CODE)) {
        codes.add(row.match());
      }
    }
    return codes;
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
  static List<Member> members() {
    return List.of(
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
