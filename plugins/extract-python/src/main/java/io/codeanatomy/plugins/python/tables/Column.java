package io.codeanatomy.plugins.python.tables;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.api.expr.DataType;
import io.codeanatomy.api.spec.ColumnContract;
import io.codeanatomy.plugins.python.facts.FileRow;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * One column of an extraction table and how to fill it from a row of type {@code R} (and the
 * row's file, for the columns every table repeats). Values are written straight into Arrow
 * vectors, without boxing numbers.
 */
public final class Column<R> {
    private enum Kind {
        STRING, INT32, INT64, BOOLEAN, STRING_LIST, OFFSET_LIST, FILE_ID, PATH
    }

    private final String name;
    private final Kind kind;
    private final boolean nullable;
    private final Function<R, String> string;
    private final ToIntFunction<R> int32;
    private final ToLongFunction<R> int64;
    private final Predicate<R> bool;
    private final Function<R, List<String>> stringList;
    private final Function<R, int[]> offsetList;

    private Column(String name, Kind kind, boolean nullable, Function<R, String> string, ToIntFunction<R> int32,
                   ToLongFunction<R> int64, Predicate<R> bool, Function<R, List<String>> stringList,
                   Function<R, int[]> offsetList) {
        this.name = requireNonNull(name, "name is null");
        this.kind = kind;
        this.nullable = nullable;
        this.string = string;
        this.int32 = int32;
        this.int64 = int64;
        this.bool = bool;
        this.stringList = stringList;
        this.offsetList = offsetList;
    }

    public static <R> Column<R> string(String name, Function<R, String> getter) {
        return new Column<>(name, Kind.STRING, false, requireNonNull(getter, "getter is null"), null, null, null, null, null);
    }

    public static <R> Column<R> nullableString(String name, Function<R, String> getter) {
        return new Column<>(name, Kind.STRING, true, requireNonNull(getter, "getter is null"), null, null, null, null, null);
    }

    public static <R> Column<R> int32(String name, ToIntFunction<R> getter) {
        return new Column<>(name, Kind.INT32, false, null, requireNonNull(getter, "getter is null"), null, null, null, null);
    }

    public static <R> Column<R> int64(String name, ToLongFunction<R> getter) {
        return new Column<>(name, Kind.INT64, false, null, null, requireNonNull(getter, "getter is null"), null, null, null);
    }

    public static <R> Column<R> bool(String name, Predicate<R> getter) {
        return new Column<>(name, Kind.BOOLEAN, false, null, null, null, requireNonNull(getter, "getter is null"), null, null);
    }

    public static <R> Column<R> stringList(String name, Function<R, List<String>> getter) {
        return new Column<>(name, Kind.STRING_LIST, false, null, null, null, null, requireNonNull(getter, "getter is null"), null);
    }

    /** A non-null {@code LIST<INT64>} of byte offsets, read from an {@code int[]} (files stay below 2 GiB). */
    public static <R> Column<R> offsetList(String name, Function<R, int[]> getter) {
        return new Column<>(name, Kind.OFFSET_LIST, false, null, null, null, null, null,
                requireNonNull(getter, "getter is null"));
    }

    /** {@code file_id}: the id of the row's file. */
    public static <R> Column<R> fileId() {
        return new Column<>("file_id", Kind.FILE_ID, false, null, null, null, null, null, null);
    }

    /** {@code path}: the row's file path relative to the source root. */
    public static <R> Column<R> path() {
        return new Column<>("path", Kind.PATH, false, null, null, null, null, null, null);
    }

    ColumnContract contract() {
        DataType<?> type = switch (kind) {
            case STRING, FILE_ID, PATH -> DataType.STRING;
            case INT32 -> DataType.INT32;
            case INT64 -> DataType.INT64;
            case BOOLEAN -> DataType.BOOLEAN;
            case STRING_LIST -> DataType.list(DataType.STRING);
            case OFFSET_LIST -> DataType.list(DataType.INT64);
        };
        return new ColumnContract(name, type, nullable);
    }

    /**
     * Writes the value of {@code row} at {@code index}; {@code file} supplies the file's columns,
     * {@code utf8} encodes this column's strings.
     */
    void write(FieldVector vector, int index, FileColumns file, R row, Utf8Cache utf8) {
        switch (kind) {
            case FILE_ID -> ((VarCharVector) vector).setSafe(index, file.fileId());
            case PATH -> ((VarCharVector) vector).setSafe(index, file.path());
            case STRING -> {
                String value = string.apply(row);
                if (value == null) {
                    if (!nullable) {
                        throw new IllegalStateException("column " + name + " is not nullable");
                    }
                    ((VarCharVector) vector).setNull(index);
                } else {
                    ((VarCharVector) vector).setSafe(index, utf8.encode(value));
                }
            }
            case INT32 -> ((IntVector) vector).setSafe(index, int32.applyAsInt(row));
            case INT64 -> ((BigIntVector) vector).setSafe(index, int64.applyAsLong(row));
            case BOOLEAN -> ((BitVector) vector).setSafe(index, bool.test(row) ? 1 : 0);
            case STRING_LIST -> {
                ListVector list = (ListVector) vector;
                List<String> values = stringList.apply(row);
                int start = list.startNewValue(index);
                VarCharVector elements = (VarCharVector) list.getDataVector();
                for (int i = 0; i < values.size(); i++) {
                    elements.setSafe(start + i, utf8.encode(values.get(i)));
                }
                list.endValue(index, values.size());
            }
            case OFFSET_LIST -> {
                ListVector list = (ListVector) vector;
                int[] values = offsetList.apply(row);
                int start = list.startNewValue(index);
                BigIntVector elements = (BigIntVector) list.getDataVector();
                for (int i = 0; i < values.length; i++) {
                    elements.setSafe(start + i, values[i]);
                }
                list.endValue(index, values.length);
            }
        }
    }

    /**
     * Encodes one column's strings to UTF-8, remembering the last one: consecutive rows often hold
     * the same string (a scope's id, a name, an enumeration), which is then encoded once.
     */
    static final class Utf8Cache {
        private String last;
        private byte[] lastBytes;

        byte[] encode(String value) {
            if (!value.equals(last)) {
                last = value;
                lastBytes = value.getBytes(StandardCharsets.UTF_8);
            }
            return lastBytes;
        }
    }

    /** The UTF-8 bytes of the two columns that every row of a file repeats, encoded once per file. */
    record FileColumns(byte[] fileId, byte[] path) {
        static FileColumns of(FileRow file) {
            return new FileColumns(file.id().getBytes(StandardCharsets.UTF_8), file.path().getBytes(StandardCharsets.UTF_8));
        }
    }
}
