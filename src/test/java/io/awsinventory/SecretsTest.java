package io.awsinventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void redact_masksEveryOccurrence_theLongestFirst_atTheEndsToo() {
    String token = "tok-" + System.nanoTime() + "-abcdefgh";
    String password = "pw-" + System.nanoTime();
    String userAndPassword = "user:" + password;
    Secrets.register(token);
    Secrets.register(password);
    Secrets.register(userAndPassword);
    Secrets.register("sh0Rt");

    assertThat(Secrets.redact(token + " and " + token)).isEqualTo("**** and ****");
    assertThat(Secrets.redact("x" + token + token + "y")).isEqualTo("x********y");
    assertThat(Secrets.redact("http://" + userAndPassword + "@proxy"))
        .isEqualTo("http://****@proxy");
    assertThat(Secrets.redact("only " + password)).isEqualTo("only ****");
    assertThat(Secrets.redact(token + password + "z" + token)).isEqualTo("********z****");
    assertThat(Secrets.redact(token + "abc")).isEqualTo("****abc");
    // a short secret is masked in messages where it stands alone, never inside a word
    assertThat(Secrets.redact("a sh0Rt word")).isEqualTo("a **** word");
    assertThat(Secrets.redact("ash0Rtword")).isEqualTo("ash0Rtword");
    assertThat(Secrets.redact("nothing here at all")).isEqualTo("nothing here at all");
  }

  @Test
  void redact_amongManyTokensOfOnePrefix_findsEachOne_theLongestFirst() {
    // session tokens of a large organization begin alike and differ in length
    String prefix = "IQoJb3JpZ2luX2VjE" + System.nanoTime();
    for (int i = 0; i < 10_000; i++) {
      Secrets.register(prefix + "-" + i + "-" + "t".repeat(i % 37));
    }
    String shorter = prefix + "-42-";
    String longer = shorter + "t".repeat(5);
    Secrets.register(shorter);

    assertThat(Secrets.redact("token " + prefix + "-9999-" + "t".repeat(9999 % 37) + "."))
        .isEqualTo("token ****.");
    assertThat(Secrets.redact("[" + longer + "]")).isEqualTo("[****]");
    assertThat(Secrets.redact("[" + shorter + "]")).isEqualTo("[****]");
    assertThat(Secrets.redact(shorter + "x")).isEqualTo("****x");
    assertThat(Secrets.redact(prefix + "-10000-")).isEqualTo(prefix + "-10000-");
    assertThat(Secrets.redact(prefix)).isEqualTo(prefix);
  }

  @Test
  void redact_ofALargeText_withManySecrets_readsItOnce() {
    for (int i = 0; i < 20_000; i++) {
      Secrets.register("session-token-" + i + "-" + "x".repeat(20));
    }
    String row = "{\"accountId\":\"123456789012\",\"status\":\"ok\"}\n";
    String large = row.repeat(200_000) + "session-token-19999-" + "x".repeat(20);

    long start = System.nanoTime();
    String redacted = Secrets.redact(large);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(redacted).endsWith("****").doesNotContain("session-token-19999");
    System.out.println(
        "redact of " + large.length() + " chars with 20,000 secrets: " + millis + " ms");
  }

  @Test
  void redact_masksTheUrlEncodedAndBase64FormsASecretIsEchoedIn() {
    String secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCY/1=b";
    Secrets.register(secret);
    String base64 =
        java.util.Base64.getEncoder()
            .encodeToString(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String encoded = java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);

    assertThat(Secrets.redact("Proxy-Authorization: Basic " + base64))
        .isEqualTo("Proxy-Authorization: Basic ****");
    assertThat(Secrets.redact("token=" + encoded + "&x=1")).isEqualTo("token=****&x=1");
    assertThat(Secrets.redactRecord("{\"Value\":\"" + secret + "\"}"))
        .isEqualTo("{\"Value\":\"****\"}");
  }

  @Test
  void aShortSecret_isMaskedInMessagesWhereItStandsAlone_butNotInsideRecords() {
    Secrets.register("Pw7!x");

    assertThat(Secrets.redact("proxy user:Pw7!x@proxy.corp refused"))
        .isEqualTo("proxy user:****@proxy.corp refused");
    assertThat(Secrets.redact("xPw7!xy")).isEqualTo("xPw7!xy");
    assertThat(Secrets.redactRecord("{\"Value\":\"Pw7!x\"}")).isEqualTo("{\"Value\":\"Pw7!x\"}");
  }
}
