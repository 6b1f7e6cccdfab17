package io.awsinventory.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyncLocationTest {
  @Test
  void bucketAndPrefix_trailingSlashDropped() {
    SyncLocation location = SyncLocation.parse("s3://inventory-bucket/org/sync/");

    assertThat(location.bucket()).isEqualTo("inventory-bucket");
    assertThat(location.prefix()).isEqualTo("org/sync");
    assertThat(location.typeFolder("AWS:Application")).isEqualTo("org/sync/AWS:Application/");
    assertThat(location).hasToString("s3://inventory-bucket/org/sync");
  }

  @Test
  void bucketAlone_hasNoPrefix() {
    SyncLocation location = SyncLocation.parse("s3://inventory.bucket");

    assertThat(location.prefix()).isEmpty();
    assertThat(location.typeFolder("AWS:Application")).isEqualTo("AWS:Application/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"inventory-bucket", "https://b/p", "s3://", "s3://UPPER", "s3://a..b"})
  void notAnS3Location_isRejectedWithTheReason(String text) {
    assertThatThrownBy(() -> SyncLocation.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageMatching(".*(S3 location|bucket name).*");
  }
}
