package io.awsinventory.collect;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.protocols.core.StringToInstant;
import software.amazon.awssdk.protocols.core.StringToValueConverter;
import software.amazon.awssdk.protocols.core.StringToValueConverter.StringToValue;

/**
 * What the XML of one SDK model class holds, compiled once from the SDK's own static field list:
 * which element is which member, in the order the SDK lists the members, and how each element's
 * text converts, with the SDK's own converters for the EC2 and query protocols.
 */
final class AnswerShape {
  /** How an element is read. */
  enum Kind {
    /** Text, as it stands. */
    TEXT,
    /** Text converted by the SDK's converter to a number, a flag, a timestamp or bytes. */
    VALUE,
    STRUCTURE,
    LIST,
    MAP,
    /** A member the protocol never fills. */
    NONE
  }

  /** One member, or the member type of a list or the value type of a map. */
  static final class Field {
    final int index;
    final String member;
    final Kind kind;
    final SdkField<Object> sdkField;
    final StringToValue<Object> converter;
    final boolean flattened;
    final String keyName;
    final String valueName;
    AnswerShape structure;
    Field item;

    /** What a value of this member must be, for messages: "an integer", "a timestamp". */
    String expected() {
      MarshallingType<?> type = sdkField.marshallingType();
      if (type == MarshallingType.INTEGER || type == MarshallingType.LONG) {
        return "an integer in range";
      }
      if (type == MarshallingType.FLOAT || type == MarshallingType.DOUBLE) {
        return "a number";
      }
      if (type == MarshallingType.BOOLEAN) {
        return "true or false";
      }
      if (type == MarshallingType.INSTANT) {
        return "a timestamp";
      }
      return "base64 bytes";
    }

    @SuppressWarnings("unchecked")
    private Field(int index, SdkField<Object> field, Kind kind, StringToValue<?> converter) {
      this.index = index;
      this.member = field.memberName();
      this.kind = kind;
      this.sdkField = field;
      this.converter = (StringToValue<Object>) converter;
      ListTrait list = kind == Kind.LIST ? field.getTrait(ListTrait.class) : null;
      MapTrait map = kind == Kind.MAP ? field.getTrait(MapTrait.class) : null;
      this.flattened = (list != null && list.isFlattened()) || (map != null && map.isFlattened());
      this.keyName = map == null ? null : map.keyLocationName();
      this.valueName = map == null ? null : map.valueLocationName();
    }
  }

  private static final StringToInstant TIMESTAMPS =
      StringToInstant.create(
          Map.of(MarshallLocation.PAYLOAD, TimestampFormatTrait.Format.ISO_8601));

  /** A flag is true or false (in any case); the SDK's converter takes any other text as false. */
  private static final StringToValue<Boolean> FLAGS =
      (text, field) -> {
        if (text.equalsIgnoreCase("true")) {
          return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
          return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a flag");
      };

  private static final Map<MarshallingType<?>, StringToValue<?>> CONVERTERS =
      Map.of(
          MarshallingType.INTEGER, StringToValueConverter.TO_INTEGER,
          MarshallingType.LONG, StringToValueConverter.TO_LONG,
          MarshallingType.FLOAT, StringToValueConverter.TO_FLOAT,
          MarshallingType.DOUBLE, StringToValueConverter.TO_DOUBLE,
          MarshallingType.BOOLEAN, FLAGS,
          MarshallingType.INSTANT, TIMESTAMPS,
          MarshallingType.SDK_BYTES, StringToValueConverter.TO_SDK_BYTES);

  /**
   * Timestamps in AWS's usual form are read by hand, any other form by the SDK's converter; a
   * member whose model names another format than ISO-8601 keeps the SDK's converter alone.
   */
  private static final StringToValue<Instant> ISO_TIMESTAMPS =
      (text, field) -> {
        Instant instant = IsoInstants.parse(text);
        return instant != null ? instant : TIMESTAMPS.convert(text, field);
      };

  private static final Map<Class<?>, AnswerShape> SHAPES = new ConcurrentHashMap<>();

  /** The members in the SDK's order. */
  final Field[] fields;

  /**
   * The members by element name; the first member a name is given to keeps it, as the SDK reads.
   */
  private final Map<String, Field> byName;

  private AnswerShape(int size) {
    this.fields = new Field[size];
    this.byName = new HashMap<>(size * 2);
  }

  /** The member whose element is named {@code element}; null if none. */
  Field field(String element) {
    return byName.get(element);
  }

  /**
   * An EC2 answer holds its result in list members of the root ({@code reservationSet}): one of
   * them must be there, empty or not, or the answer is not the one the call promises.
   */
  void requireResult(com.fasterxml.jackson.databind.node.ObjectNode answer, String root) {
    boolean hasLists = false;
    for (Field field : fields) {
      if (field.kind == Kind.LIST || field.kind == Kind.MAP) {
        hasLists = true;
        if (answer.has(field.member)) {
          return;
        }
      }
    }
    if (hasLists) {
      throw new MalformedAnswerException("<" + root + "> without its result element");
    }
  }

  /** The shape of {@code model}'s class (a builder or a built object: their fields are one). */
  static AnswerShape of(SdkPojo model) {
    AnswerShape known = SHAPES.get(model.getClass());
    if (known != null) {
      return known;
    }
    AnswerShape shape = compile(model, new HashMap<>());
    SHAPES.putIfAbsent(model.getClass(), shape);
    return shape;
  }

  /** {@code compiling} holds the shapes being compiled, so a model that holds itself ends. */
  private static AnswerShape compile(SdkPojo model, Map<Class<?>, AnswerShape> compiling) {
    AnswerShape known = SHAPES.get(model.getClass());
    if (known == null) {
      known = compiling.get(model.getClass());
    }
    if (known != null) {
      return known;
    }
    List<SdkField<?>> sdkFields = model.sdkFields();
    AnswerShape shape = new AnswerShape(sdkFields.size());
    compiling.put(model.getClass(), shape);
    for (int i = 0; i < sdkFields.size(); i++) {
      @SuppressWarnings("unchecked")
      SdkField<Object> sdkField = (SdkField<Object>) sdkFields.get(i);
      Field field = field(i, sdkField, compiling);
      shape.fields[i] = field;
      shape.byName.putIfAbsent(sdkField.unmarshallLocationName(), field);
    }
    return shape;
  }

  private static Field field(
      int index, SdkField<Object> sdkField, Map<Class<?>, AnswerShape> compiling) {
    MarshallingType<?> type = sdkField.marshallingType();
    Field field;
    if (type == MarshallingType.STRING) {
      field = new Field(index, sdkField, Kind.TEXT, null);
    } else if (type == MarshallingType.INSTANT && isoTimestamps(sdkField)) {
      field = new Field(index, sdkField, Kind.VALUE, ISO_TIMESTAMPS);
    } else if (CONVERTERS.containsKey(type)) {
      field = new Field(index, sdkField, Kind.VALUE, CONVERTERS.get(type));
    } else if (type == MarshallingType.SDK_POJO) {
      field = new Field(index, sdkField, Kind.STRUCTURE, null);
      field.structure = compile(sdkField.constructor().get(), compiling);
    } else if (type == MarshallingType.LIST) {
      field = new Field(index, sdkField, Kind.LIST, null);
      field.item = member(sdkField.getTrait(ListTrait.class).memberFieldInfo(), compiling);
    } else if (type == MarshallingType.MAP) {
      field = new Field(index, sdkField, Kind.MAP, null);
      field.item = member(sdkField.getTrait(MapTrait.class).valueFieldInfo(), compiling);
    } else if (type == MarshallingType.NULL) {
      field = new Field(index, sdkField, Kind.NONE, null);
    } else {
      throw new IllegalArgumentException(
          "member " + sdkField.memberName() + " has a type the query protocol does not carry");
    }
    return field;
  }

  private static boolean isoTimestamps(SdkField<?> sdkField) {
    TimestampFormatTrait format = sdkField.getTrait(TimestampFormatTrait.class);
    return format == null || format.format() == TimestampFormatTrait.Format.ISO_8601;
  }

  @SuppressWarnings("unchecked")
  private static Field member(SdkField<?> sdkField, Map<Class<?>, AnswerShape> compiling) {
    return field(-1, (SdkField<Object>) sdkField, compiling);
  }
}
