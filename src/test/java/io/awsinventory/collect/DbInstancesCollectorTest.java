package io.awsinventory.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;

class DbInstancesCollectorTest {
  private final RdsClient rds = mock(RdsClient.class);
  private final RecordingSink sink = new RecordingSink();

  private void pages(DescribeDbInstancesResponse first, DescribeDbInstancesResponse... rest) {
    when(rds.describeDBInstances(any(DescribeDbInstancesRequest.class))).thenReturn(first, rest);
  }

  @Test
  void collect_twoPagesByMarker_writesAll() {
    pages(
        DescribeDbInstancesResponse.builder()
            .dbInstances(
                DBInstance.builder()
                    .dbInstanceIdentifier("db-1")
                    .engine("postgres")
                    .endpoint(e -> e.address("db-1.example").port(5432))
                    .tagList(t -> t.key("Team").value("data"))
                    .build())
            .marker("m-2")
            .build(),
        DescribeDbInstancesResponse.builder()
            .dbInstances(DBInstance.builder().dbInstanceIdentifier("db-2").build())
            .build());

    DbInstancesCollector.TYPE.collect(new FakeApis(null, rds, Set.of()), sink);

    assertThat(sink.values("DBInstanceIdentifier")).containsExactly("db-1", "db-2");
    assertThat(sink.records.get(0).get("Endpoint").get("Port").asInt()).isEqualTo(5432);
    assertThat(sink.records.get(0).get("TagList").get(0).get("Value").asText()).isEqualTo("data");
    ArgumentCaptor<DescribeDbInstancesRequest> requests =
        ArgumentCaptor.forClass(DescribeDbInstancesRequest.class);
    verify(rds, times(2)).describeDBInstances(requests.capture());
    assertThat(requests.getAllValues().get(0).maxRecords()).isEqualTo(100);
    assertThat(requests.getAllValues().get(1).marker()).isEqualTo("m-2");
  }

  @Test
  void collect_empty_writesNothing() {
    pages(DescribeDbInstancesResponse.builder().build());

    DbInstancesCollector.TYPE.collect(new FakeApis(null, rds, Set.of()), sink);

    assertThat(sink.records).isEmpty();
  }
}
