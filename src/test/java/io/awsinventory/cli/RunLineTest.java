package io.awsinventory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.ParseResult;

/** The log's opening line names the options, and never a password a URL option carries. */
class RunLineTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "puser:PXSECRETa1@proxy.corp:3128/path|PXSECRETa1|proxy.corp:3128/path",
        "http://puser:PX/SECRETb2@proxy.corp:3128|SECRETb2|@proxy.corp:3128",
        "http://puser:PX@SECRETc3@proxy.corp:3128|SECRETc3|@proxy.corp:3128",
        "http://puser:s4Qz@proxy.corp:3128|s4Qz|@proxy.corp:3128"
      })
  void opening_masksTheUserInfoOfAUrl_parseableOrNot(String proxy, String secret, String kept) {
    ParseResult parsed =
        AwsInventory.commandLine().parseArgs("collect", "--proxy", proxy, "--regions", "eu-west-1");

    String line = RunLine.opening("1.2.3", parsed);

    assertThat(line).doesNotContain(secret).contains("****").contains(kept);
    assertThat(line).contains("--regions=eu-west-1");
  }
}
