package io.awsinventory.sim;

/** Small helpers for the AWS Query protocols' XML. */
final class SimXml {
  static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
  static final String RDS_NS = "http://rds.amazonaws.com/doc/2014-10-31/";
  static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";

  private SimXml() {}

  /** The value with XML's five special characters escaped; most values have none. */
  static String escape(String value) {
    int first = 0;
    while (first < value.length() && !special(value.charAt(first))) {
      first++;
    }
    if (first == value.length()) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 16).append(value, 0, first);
    for (int i = first; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean special(char c) {
    return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
  }

  static void element(StringBuilder out, String name, Object value) {
    if (value == null) {
      return;
    }
    out.append('<')
        .append(name)
        .append('>')
        .append(escape(String.valueOf(value)))
        .append("</")
        .append(name)
        .append('>');
  }

  /** An EC2 answer: {@code <ActionResponse xmlns=...><requestId/>body</ActionResponse>}. */
  static String ec2(String action, CharSequence body) {
    return "<"
        + action
        + "Response xmlns=\""
        + EC2_NS
        + "\"><requestId>sim-request</requestId>"
        + body
        + "</"
        + action
        + "Response>";
  }

  /** An RDS or STS answer: {@code <ActionResponse><ActionResult>body</ActionResult>...}. */
  static String query(String namespace, String action, CharSequence body) {
    return "<"
        + action
        + "Response xmlns=\""
        + namespace
        + "\"><"
        + action
        + "Result>"
        + body
        + "</"
        + action
        + "Result><ResponseMetadata><RequestId>sim-request</RequestId>"
        + "</ResponseMetadata></"
        + action
        + "Response>";
  }

  static String ec2Error(String code, String message) {
    return "<Response><Errors><Error><Code>"
        + code
        + "</Code><Message>"
        + escape(message)
        + "</Message></Error></Errors><RequestID>sim-request</RequestID></Response>";
  }

  static String queryError(String namespace, String code, String message) {
    return "<ErrorResponse xmlns=\""
        + namespace
        + "\"><Error><Type>Sender</Type><Code>"
        + code
        + "</Code><Message>"
        + escape(message)
        + "</Message></Error><RequestId>sim-request"
        + "</RequestId></ErrorResponse>";
  }
}
