package io.awsinventory.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.utils.DateUtils;

class IsoInstantsTest {
  /** Seconds from year 0 to year 10000, both ends included. */
  private static final long FIRST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();

  private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  @Test
  void readsAwsFormAsTheSdkDoes() {
    for (String text :
        new String[] {
          "2016-11-21T19:50:12.000Z",
          "2014-04-21T22:24:23.177Z",
          "2024-02-29T00:00:00Z",
          "1970-01-01T00:00:00.1Z",
          "1969-12-31T23:59:59.999999999Z",
          "0000-01-01T00:00:00Z",
          "9999-12-31T23:59:59.123456Z"
        }) {
      assertThat(IsoInstants.parse(text)).as(text).isEqualTo(DateUtils.parseIso8601Date(text));
    }
  }

  @Test
  void leavesEveryOtherFormToTheSdk() {
    for (String text :
        new String[] {
          "2023-02-29T00:00:00Z",
          "2016-13-01T00:00:00Z",
          "2016-11-21T24:00:00Z",
          "2016-11-21T23:59:60Z",
          "2016-11-21T19:50:12.Z",
          "2016-11-21T19:50:12.1234567890Z",
          "2016-11-21T19:50:12+0000",
          "2016-11-21T19:50:12.000+01:00",
          "2016-11-21 19:50:12Z",
          "2016-1a-21T19:50:12Z",
          "+12016-11-21T19:50:12Z",
          "1479757812",
          ""
        }) {
      assertThat(IsoInstants.parse(text)).as(text).isNull();
    }
  }

  @Test
  void readsAndWritesRandomInstantsAsTheJdkAndTheSdkDo() {
    Random random = new Random(20261129);
    for (int i = 0; i < 200_000; i++) {
      long seconds = FIRST + (long) (random.nextDouble() * (LAST - FIRST));
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(seconds, nanos);
      String text = IsoInstants.format(instant);
      assertThat(text).isEqualTo(instant.toString());
      assertThat(IsoInstants.parse(text)).isEqualTo(DateUtils.parseIso8601Date(text));
      assertThat(IsoInstants.parse(text)).isEqualTo(instant);
    }
  }

  @Test
  void writesInstantsOutsideFourDigitYearsAsTheJdkDoes() {
    for (Instant instant :
        new Instant[] {
          Instant.parse("+10000-01-01T00:00:00Z"),
          Instant.parse("-0001-12-31T23:59:59.5Z"),
          Instant.MAX,
          Instant.MIN
        }) {
      assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
    }
  }
}
