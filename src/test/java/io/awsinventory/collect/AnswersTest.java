package io.awsinventory.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeHostsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesResponse;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.DescribeReservedDbInstancesResponse;

/**
 * Answers read straight from their XML are the trees the SDK's own unmarshaller and {@link
 * SdkRecords} make of the same XML: both go through a real SDK client answered by canned XML.
 */
class AnswersTest {
  private static final String EC2 = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";

  private static final String INSTANCES =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<!-- a comment before the root -->\n"
          + "<DescribeInstancesResponse "
          + EC2
          + ">\n  <requestId>8f7724cf-496f-496e-8fe3-example</requestId>\n"
          + "  <reservationSet>\n    <item>\n      <reservationId>r-1234</reservationId>\n"
          + "      <ownerId>123456789012</ownerId><groupSet/>\n"
          + "      <instancesSet><item>\n"
          + "        <instanceId>i-1</instanceId><imageId>ami-1</imageId>\n"
          + "        <instanceState><code>16</code><name>running</name></instanceState>\n"
          + "        <privateDnsName/>\n"
          + "        <launchTime>2024-03-01T10:20:30.000Z</launchTime>\n"
          + "        <placement><availabilityZone>eu-west-1a</availabilityZone>"
          + "<tenancy>default</tenancy></placement>\n"
          + "        <monitoring><state>disabled</state></monitoring>\n"
          + "        <ebsOptimized>false</ebsOptimized><amiLaunchIndex>0</amiLaunchIndex>\n"
          + "        <cpuOptions><coreCount>2</coreCount><threadsPerCore>2</threadsPerCore>"
          + "</cpuOptions>\n"
          + "        <usageOperation>RunInstances:0002</usageOperation>\n"
          + "        <unknownMember><nested>ignored</nested></unknownMember>\n"
          + "        <blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs>"
          + "<volumeId>vol-1</volumeId><status>attached</status>"
          + "<attachTime>2024-03-01T10:20:31Z</attachTime>"
          + "<deleteOnTermination>true</deleteOnTermination></ebs></item></blockDeviceMapping>\n"
          + "        <tagSet><item><key>Owner &amp; team</key>"
          + "<value>caf&#233; <![CDATA[<b>ops</b>]]></value></item>"
          + "<item><key>Name</key><value>web 1</value></item>"
          + "<item><key>Empty</key><value></value></item></tagSet>\n"
          + "        <productCodes/>\n"
          + "        <instanceType>m5.large</instanceType>\n"
          + "      </item><item><instanceId>i-2</instanceId><tagSet/></item></instancesSet>\n"
          + "    </item>\n  </reservationSet>\n"
          + "  <nextToken>token-2</nextToken>\n"
          + "</DescribeInstancesResponse>";

  private static final String IMAGES =
      "<DescribeImagesResponse "
          + EC2
          + "><imagesSet><item><imageId>ami-1</imageId><isPublic>true</isPublic>"
          + "<creationDate>2023-01-01T00:00:00.000Z</creationDate>"
          + "<deprecationTime>2025-01-01T00:00:00.000Z</deprecationTime>"
          + "<platformDetails>Windows</platformDetails>"
          + "<productCodes><item><productCode>abc</productCode><type>marketplace</type></item>"
          + "</productCodes></item></imagesSet></DescribeImagesResponse>";

  private static final String RESERVED =
      "<DescribeReservedInstancesResponse "
          + EC2
          + "><reservedInstancesSet><item><reservedInstancesId>ri-1</reservedInstancesId>"
          + "<instanceCount>3</instanceCount><fixedPrice>1234.5</fixedPrice>"
          + "<duration>31536000</duration><start>2024-01-01T00:00:00Z</start>"
          + "<recurringCharges><item><frequency>Hourly</frequency><amount>0.01</amount></item>"
          + "</recurringCharges></item></reservedInstancesSet></DescribeReservedInstancesResponse>";

  private static final String HOSTS =
      "<DescribeHostsResponse "
          + EC2
          + "><hostSet><item><hostId>h-1</hostId><hostProperties><cores>48</cores>"
          + "<sockets>2</sockets><totalVCpus>96</totalVCpus></hostProperties>"
          + "<instances><item><instanceId>i-1</instanceId></item></instances>"
          + "<allocationTime>2024-02-02T02:02:02.000Z</allocationTime></item></hostSet>"
          + "</DescribeHostsResponse>";

  private static final String TYPES =
      "<DescribeInstanceTypesResponse "
          + EC2
          + "><instanceTypeSet><item><instanceType>m5.large</instanceType>"
          + "<vCpuInfo><defaultVCpus>2</defaultVCpus><validCores><item>1</item><item>2</item>"
          + "</validCores></vCpuInfo><memoryInfo><sizeInMiB>8192</sizeInMiB></memoryInfo>"
          + "<processorInfo><supportedArchitectures><item>x86_64</item></supportedArchitectures>"
          + "<sustainedClockSpeedInGhz>3.1</sustainedClockSpeedInGhz></processorInfo>"
          + "</item></instanceTypeSet></DescribeInstanceTypesResponse>";

  private static final String DB_INSTANCES =
      "<DescribeDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">\n"
          + "<DescribeDBInstancesResult>\n<DBInstances>\n<DBInstance>"
          + "<DBInstanceIdentifier>db-1</DBInstanceIdentifier><AllocatedStorage>20"
          + "</AllocatedStorage><MultiAZ>false</MultiAZ>"
          + "<InstanceCreateTime>2024-01-01T00:00:00.123Z</InstanceCreateTime>"
          + "<Endpoint><Address>db-1.example</Address><Port>5432</Port></Endpoint>"
          + "<TagList><Tag><Key>env</Key><Value>prod</Value></Tag></TagList>"
          + "<ProcessorFeatures/>"
          + "</DBInstance></DBInstances>\n<Marker>next-page</Marker>\n"
          + "</DescribeDBInstancesResult>\n<ResponseMetadata><RequestId>r-1</RequestId>"
          + "</ResponseMetadata></DescribeDBInstancesResponse>";

  private static final String RESERVED_DB =
      "<DescribeReservedDBInstancesResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\">"
          + "<DescribeReservedDBInstancesResult><ReservedDBInstances><ReservedDBInstance>"
          + "<ReservedDBInstanceId>rdb-1</ReservedDBInstanceId><DBInstanceCount>2"
          + "</DBInstanceCount><ProductDescription>oracle-se2(bring-your-own-license)"
          + "</ProductDescription><StartTime>2024-05-05T05:05:05Z</StartTime>"
          + "</ReservedDBInstance></ReservedDBInstances></DescribeReservedDBInstancesResult>"
          + "</DescribeReservedDBInstancesResponse>";

  @Test
  void ec2Answers_readAsTheSdkReadsThem() {
    assertSame(INSTANCES, DescribeInstancesResponse.builder(), Ec2Call.INSTANCES);
    assertSame(IMAGES, DescribeImagesResponse.builder(), Ec2Call.IMAGES);
    assertSame(RESERVED, DescribeReservedInstancesResponse.builder(), Ec2Call.RESERVED);
    assertSame(HOSTS, DescribeHostsResponse.builder(), Ec2Call.HOSTS);
    assertSame(TYPES, DescribeInstanceTypesResponse.builder(), Ec2Call.TYPES);
  }

  @Test
  void theTextOfAnAnswer_keepsEntitiesAndCdata() {
    ObjectNode tree = read(INSTANCES, DescribeInstancesResponse.builder(), Ec2Call.INSTANCES);

    ObjectNode instance =
        Answers.items(Answers.items(tree, "Reservations").get(0), "Instances").get(0);
    assertThat(instance.at("/Tags/0/Key").textValue()).isEqualTo("Owner & team");
    assertThat(instance.at("/Tags/0/Value").textValue()).isEqualTo("café <b>ops</b>");
    assertThat(instance.at("/Tags/1/Value").textValue()).isEqualTo("web 1");
    assertThat(instance.at("/Tags/2/Value").textValue()).isEmpty();
    assertThat(instance.get("InstanceType").textValue()).isEqualTo("m5.large");
    assertThat(instance.get("LaunchTime").textValue()).isEqualTo("2024-03-01T10:20:30Z");
    assertThat(instance.at("/CpuOptions/CoreCount").intValue()).isEqualTo(2);
    assertThat(instance.get("ProductCodes").isArray()).isTrue();
    assertThat(instance.has("UnknownMember")).isFalse();
    assertThat(Answers.token(tree, "NextToken")).isEqualTo("token-2");
  }

  @Test
  void rdsAnswers_readFromTheirResultElement() {
    assertSameRds(DB_INSTANCES, DescribeDbInstancesResponse.builder(), false);
    assertSameRds(RESERVED_DB, DescribeReservedDbInstancesResponse.builder(), true);

    ObjectNode tree = readRds(DB_INSTANCES, DescribeDbInstancesResponse.builder(), false);
    assertThat(Answers.token(tree, "Marker")).isEqualTo("next-page");
    assertThat(tree.at("/DBInstances/0/Endpoint/Port").intValue()).isEqualTo(5432);
  }

  @Test
  void brokenXml_failsTheCall_namingWhatIsWrong() {
    String truncated = INSTANCES.substring(0, INSTANCES.indexOf("<tagSet>"));

    assertThatThrownBy(
            () -> read(truncated, DescribeInstancesResponse.builder(), Ec2Call.INSTANCES))
        .isInstanceOf(MalformedAnswerException.class)
        .hasMessageStartingWith("not well-formed XML (line 21, column 8): Unexpected EOF")
        .hasMessageNotContaining("row,col");
  }

  @Test
  void xmlAsXmlDefinesIt_commentsLeftOut_textJoined() {
    ObjectNode tree =
        read(
            INSTANCES.replace("<value>web 1</value>", "<value>we<!-- c -->b<?pi x?> 1</value>"),
            DescribeInstancesResponse.builder(),
            Ec2Call.INSTANCES);

    ObjectNode instance =
        Answers.items(Answers.items(tree, "Reservations").get(0), "Instances").get(0);
    assertThat(instance.at("/Tags/1/Value").textValue()).isEqualTo("web 1");
  }

  @Test
  void malformedValues_failTheCall_namingTheMemberAndTheText() {
    assertThatThrownBy(
            () ->
                read(
                    TYPES.replace("3.1</sustained", "1e400</sustained"),
                    DescribeInstanceTypesResponse.builder(),
                    Ec2Call.TYPES))
        .hasStackTraceContaining(
            "member SustainedClockSpeedInGhz holds '1e400', beyond a finite number");
    assertThatThrownBy(
            () ->
                read(
                    INSTANCES.replace("<ebsOptimized>false", "<ebsOptimized>" + "x".repeat(200)),
                    DescribeInstancesResponse.builder(),
                    Ec2Call.INSTANCES))
        .hasStackTraceContaining("member EbsOptimized holds '" + "x".repeat(80) + "...'")
        .hasStackTraceContaining("not true or false");
    assertThatThrownBy(
            () ->
                read(
                    INSTANCES.replace(
                        "<instanceId>i-1</instanceId>",
                        "<instanceId>i-1</instanceId><instanceId>i-9</instanceId>"),
                    DescribeInstancesResponse.builder(),
                    Ec2Call.INSTANCES))
        .hasStackTraceContaining("member InstanceId appears twice");
    assertThatThrownBy(
            () ->
                read(
                    "<!DOCTYPE x [<!ENTITY e \"boom\">]>" + IMAGES.replace("ami-1", "&e;"),
                    DescribeImagesResponse.builder(),
                    Ec2Call.IMAGES))
        .isInstanceOf(MalformedAnswerException.class);
  }

  @Test
  void aClientWithoutTheInterceptor_answersWithTheSameTreeThroughItsModelObjects() {
    try (Ec2Client plain = ec2(new CannedHttp(INSTANCES), false)) {
      ObjectNode tree =
          Answers.ec2(
              DescribeInstancesResponse.builder(),
              answer -> plain.describeInstances(r -> r.overrideConfiguration(answer)));

      assertThat(tree).isEqualTo(SdkRecords.toJson(plain.describeInstances(r -> {})));
      assertThat(Answers.token(tree, "NextToken")).isEqualTo("token-2");
    }
  }

  @Test
  void everyModelTheCollectorsRead_compilesToAShape() {
    for (SdkPojo model :
        List.<SdkPojo>of(
            DescribeInstancesResponse.builder(),
            DescribeImagesResponse.builder(),
            DescribeReservedInstancesResponse.builder(),
            DescribeHostsResponse.builder(),
            DescribeInstanceTypesResponse.builder(),
            DescribeDbInstancesResponse.builder(),
            DescribeReservedDbInstancesResponse.builder())) {
      AnswerShape shape = AnswerShape.of(model);
      assertThat(shape.fields).hasSameSizeAs(model.sdkFields());
      assertThat(AnswerShape.of(model)).isSameAs(shape);
    }
  }

  private enum Ec2Call {
    INSTANCES,
    IMAGES,
    RESERVED,
    HOSTS,
    TYPES
  }

  private static void assertSame(String xml, SdkPojo model, Ec2Call call) {
    ObjectNode read = read(xml, model, call);
    try (Ec2Client plain = ec2(new CannedHttp(xml), false)) {
      assertThat(read).isEqualTo(SdkRecords.toJson(call(plain, call, null)));
    }
  }

  private static ObjectNode read(String xml, SdkPojo model, Ec2Call call) {
    try (Ec2Client client = ec2(new CannedHttp(xml), true)) {
      return readThrough(model, false, answer -> call(client, call, answer));
    }
  }

  /**
   * The tree of a call through a client with the interceptor; the SDK's own response must come back
   * empty, or the tree would be the fallback's and the reader not tested at all.
   */
  private static ObjectNode readThrough(
      SdkPojo model,
      boolean query,
      Function<AwsRequestOverrideConfiguration, ? extends SdkPojo> call) {
    List<SdkPojo> responses = new ArrayList<>();
    Function<AwsRequestOverrideConfiguration, SdkPojo> seen =
        answer -> {
          SdkPojo response = call.apply(answer);
          responses.add(response);
          return response;
        };
    ObjectNode tree = query ? Answers.query(model, seen) : Answers.ec2(model, seen);
    assertThat(responses).hasSize(1);
    assertThat(SdkRecords.toJson(responses.get(0))).isEmpty();
    return tree;
  }

  private static SdkPojo call(Ec2Client ec2, Ec2Call call, AwsRequestOverrideConfiguration answer) {
    return switch (call) {
      case INSTANCES -> ec2.describeInstances(r -> r.overrideConfiguration(answer));
      case IMAGES -> ec2.describeImages(r -> r.overrideConfiguration(answer));
      case RESERVED -> ec2.describeReservedInstances(r -> r.overrideConfiguration(answer));
      case HOSTS -> ec2.describeHosts(r -> r.overrideConfiguration(answer));
      case TYPES -> ec2.describeInstanceTypes(r -> r.overrideConfiguration(answer));
    };
  }

  private static void assertSameRds(String xml, SdkPojo model, boolean reserved) {
    ObjectNode read = readRds(xml, model, reserved);
    try (RdsClient plain = rds(new CannedHttp(xml), false)) {
      var response =
          reserved
              ? plain.describeReservedDBInstances(r -> {})
              : plain.describeDBInstances(r -> {});
      assertThat(read).isEqualTo(SdkRecords.toJson(response));
    }
  }

  private static ObjectNode readRds(String xml, SdkPojo model, boolean reserved) {
    try (RdsClient client = rds(new CannedHttp(xml), true)) {
      return readThrough(
          model,
          true,
          answer ->
              reserved
                  ? client.describeReservedDBInstances(r -> r.overrideConfiguration(answer))
                  : client.describeDBInstances(r -> r.overrideConfiguration(answer)));
    }
  }

  private static Ec2Client ec2(SdkHttpClient http, boolean reading) {
    return client(Ec2Client.builder(), http, reading);
  }

  private static RdsClient rds(SdkHttpClient http, boolean reading) {
    return client(RdsClient.builder(), http, reading);
  }

  /** A client answered by {@code http}; with the interceptor when it is {@code reading}. */
  private static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C client(
      B builder, SdkHttpClient http, boolean reading) {
    builder
        .httpClient(http)
        .region(Region.EU_WEST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "x")));
    if (reading) {
      builder.overrideConfiguration(o -> o.addExecutionInterceptor(new Answers()));
    }
    return builder.build();
  }

  /** An HTTP client that answers every request with the same XML, status 200. */
  private static final class CannedHttp implements SdkHttpClient {
    private final byte[] body;

    CannedHttp(String xml) {
      this.body = xml.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() {
          return HttpExecuteResponse.builder()
              .response(
                  SdkHttpResponse.builder()
                      .statusCode(200)
                      .putHeader("Content-Type", "text/xml;charset=UTF-8")
                      .build())
              .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
              .build();
        }

        @Override
        public void abort() {}
      };
    }

    @Override
    public void close() {}
  }
}
