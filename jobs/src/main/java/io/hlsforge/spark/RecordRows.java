package io.hlsforge.spark;

import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Maps the manifest record types of {@code io.hlsforge.manifest} to Spark rows and back. The schema
 * is the record's components in order, camelCase turned into snake_case ({@code durationS} → {@code
 * duration_s}), so a row type is declared exactly once, as a Java record. A list of records (a
 * probe's audio tracks) is an array of structs, mapped the same way.
 */
public final class RecordRows<T extends Record> implements Serializable {
  private final Class<T> type;
  private final StructType schema;

  private RecordRows(Class<T> type) {
    this.type = type;
    this.schema = schemaOf(type);
  }

  public static <T extends Record> RecordRows<T> of(Class<T> type) {
    return new RecordRows<>(type);
  }

  public StructType schema() {
    return schema;
  }

  public Row toRow(T record) {
    return rowOf(record);
  }

  private static Row rowOf(Record record) {
    RecordComponent[] components = record.getClass().getRecordComponents();
    Object[] values = new Object[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        Object v = components[i].getAccessor().invoke(record);
        // Spark's row encoder takes arrays for ArrayType columns, rows for structs.
        values[i] =
            v instanceof List<?> list
                ? list.stream().map(e -> e instanceof Record r ? rowOf(r) : e).toArray()
                : v;
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read record " + record.getClass().getSimpleName(), e);
    }
    return RowFactory.create(values);
  }

  /**
   * Reads a row by column name, so extra or reordered columns (schema evolution) are fine; a column
   * the row does not have (a table written before the column existed) reads as null.
   */
  public T fromRow(Row row) {
    return recordOf(type, row);
  }

  private static <R extends Record> R recordOf(Class<R> type, Row row) {
    Shape<R> shape = Shape.of(type);
    int[] index = shape.indexes(row.schema());
    Object[] args = new Object[index.length];
    for (int i = 0; i < index.length; i++) {
      Class<?> t = shape.types[i];
      if (index[i] < 0 || row.isNullAt(index[i])) {
        args[i] = t == List.class ? null : defaultFor(t);
      } else if (t == List.class) {
        Class<?> element = shape.elements[i];
        List<?> values = row.getList(index[i]);
        args[i] =
            Record.class.isAssignableFrom(element)
                ? values.stream()
                    .map(v -> recordOf(element.asSubclass(Record.class), (Row) v))
                    .toList()
                : List.copyOf(values);
      } else {
        args[i] = row.get(index[i]);
      }
    }
    try {
      return shape.constructor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "Cannot build " + type.getSimpleName() + " from row " + row, e);
    }
  }

  /**
   * What reading rows into a record type needs, worked out once per type rather than per row (a
   * million probe rows read on the driver spent most of their time in reflection and regexes), and
   * the column positions of the last schema seen: the rows of one dataset share one.
   */
  private static final class Shape<R extends Record> {
    private static final Map<Class<?>, Shape<?>> SHAPES = new ConcurrentHashMap<>();

    final Class<?>[] types;
    final Class<?>[] elements;
    final String[] columns;
    final Constructor<R> constructor;
    private volatile Positions last;

    private record Positions(StructType schema, int[] index) {}

    private Shape(Class<R> type) {
      RecordComponent[] components = type.getRecordComponents();
      types = new Class<?>[components.length];
      elements = new Class<?>[components.length];
      columns = new String[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        elements[i] = types[i] == List.class ? elementType(components[i]) : null;
        columns[i] = snakeCase(components[i].getName());
      }
      try {
        constructor = type.getDeclaredConstructor(types);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("No canonical constructor in " + type, e);
      }
    }

    @SuppressWarnings("unchecked")
    static <R extends Record> Shape<R> of(Class<R> type) {
      return (Shape<R>) SHAPES.computeIfAbsent(type, t -> new Shape<>(type));
    }

    /** Each component's column in {@code schema}, or -1 where the schema lacks it. */
    int[] indexes(StructType schema) {
      Positions p = last;
      if (p != null && (p.schema == schema || p.schema.equals(schema))) {
        return p.index;
      }
      int[] index = new int[columns.length];
      List<String> present = schema == null ? List.of() : Arrays.asList(schema.fieldNames());
      for (int i = 0; i < columns.length; i++) {
        // Without a schema (a positional row) the components are the columns, in order.
        index[i] = schema == null ? i : present.indexOf(columns[i]);
      }
      if (schema != null) {
        last = new Positions(schema, index);
      }
      return index;
    }
  }

  static StructType schemaOf(Class<? extends Record> type) {
    List<StructField> fields = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      boolean primitive = c.getType().isPrimitive();
      DataType columnType =
          c.getType() == List.class
              ? DataTypes.createArrayType(elementSparkType(elementType(c)), false)
              : sparkType(c.getType());
      fields.add(DataTypes.createStructField(snakeCase(c.getName()), columnType, !primitive));
    }
    return DataTypes.createStructType(fields);
  }

  private static DataType elementSparkType(Class<?> element) {
    return Record.class.isAssignableFrom(element)
        ? schemaOf(element.asSubclass(Record.class))
        : sparkType(element);
  }

  private static Class<?> elementType(RecordComponent c) {
    if (c.getGenericType() instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] instanceof Class<?> element) {
      return element;
    }
    throw new IllegalArgumentException(
        "Cannot map list component " + c.getName() + ": its element type is not a plain class");
  }

  private static DataType sparkType(Class<?> t) {
    if (t == String.class) {
      return DataTypes.StringType;
    } else if (t == int.class || t == Integer.class) {
      return DataTypes.IntegerType;
    } else if (t == long.class || t == Long.class) {
      return DataTypes.LongType;
    } else if (t == double.class || t == Double.class) {
      return DataTypes.DoubleType;
    } else if (t == boolean.class || t == Boolean.class) {
      return DataTypes.BooleanType;
    }
    throw new IllegalArgumentException(
        "Cannot map record component type " + t + " to a Spark type");
  }

  private static Object defaultFor(Class<?> t) {
    if (t == int.class) {
      return 0;
    } else if (t == long.class) {
      return 0L;
    } else if (t == double.class) {
      return 0.0;
    } else if (t == boolean.class) {
      return false;
    }
    return null;
  }

  public static String snakeCase(String camel) {
    // A one-letter word before another word splits too: psnrYDb → psnr_y_db.
    return camel
        .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
        .replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
        .toLowerCase(Locale.ROOT);
  }
}
