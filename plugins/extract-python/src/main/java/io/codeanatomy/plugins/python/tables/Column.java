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

/**
 * One column of an extraction table and how to fill it from a row of type {@code R} (and the
 * row's file, for the columns every table repeats). Values are gathered in a {@link ColumnBuffer},
 * without boxing numbers, and copied into the batch's Arrow vector when it is full.
 */
public final class Column<R> {
    private enum Kind {
        STRING, ID, INT32, INT64, BOOLEAN, STRING_LIST, OFFSET_LIST, FILE_ID, PATH
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

    /**
     * A stable id ({@code kind:hex}, see {@code StableIdHasher}): ASCII by construction, so its
     * characters are copied into the column as bytes without a UTF-8 encoder.
     */
    public static <R> Column<R> id(String name, Function<R, String> getter) {
        return new Column<>(name, Kind.ID, false, requireNonNull(getter, "getter is null"), null, null, null, null, null);
    }

    /** A stable id that may be null (see {@link #id}). */
    public static <R> Column<R> nullableId(String name, Function<R, String> getter) {
        return new Column<>(name, Kind.ID, true, requireNonNull(getter, "getter is null"), null, null, null, null, null);
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

    /**
     * Whether the column's data files keep its statistics: every column but the stable ids, whose
     * hashes data skipping cannot use ({@code file_id} keeps them, for incremental builds' readers).
     */
    boolean keepsStatistics() {
        return kind != Kind.ID || name.equals("file_id");
    }

    ColumnContract contract() {
        DataType<?> type = switch (kind) {
            case STRING, ID, FILE_ID, PATH -> DataType.STRING;
            case INT32 -> DataType.INT32;
            case INT64 -> DataType.INT64;
            case BOOLEAN -> DataType.BOOLEAN;
            case STRING_LIST -> DataType.list(DataType.STRING);
            case OFFSET_LIST -> DataType.list(DataType.INT64);
        };
        return new ColumnContract(name, type, nullable);
    }

    /** An empty buffer for this column's values. */
    ColumnBuffer newBuffer() {
        return switch (kind) {
            case STRING, ID, FILE_ID, PATH -> new ColumnBuffer.Utf8();
            case INT32 -> ColumnBuffer.Numbers.int32();
            case INT64 -> ColumnBuffer.Numbers.int64();
            case BOOLEAN -> new ColumnBuffer.Bool();
            case STRING_LIST -> new ColumnBuffer.Lists<>(new ColumnBuffer.Utf8());
            case OFFSET_LIST -> new ColumnBuffer.Lists<>(ColumnBuffer.Numbers.int64());
        };
    }

    /**
     * Adds the values of the first {@code count} {@code rows} (of type {@code R}) to {@code buffer}, one of this column's {@link #newBuffer}s;
     * {@code file} supplies the file's columns, {@code utf8} encodes this column's strings. One loop
     * per kind of column, so that the choice is made once per call.
     */
    @SuppressWarnings("unchecked")
    void addAll(ColumnBuffer buffer, FileColumns file, Object[] rows, int count, Utf8Cache utf8) {
        switch (kind) {
            case FILE_ID -> addRepeated((ColumnBuffer.Utf8) buffer, file.fileId(), count);
            case PATH -> addRepeated((ColumnBuffer.Utf8) buffer, file.path(), count);
            case ID, STRING -> {
                ColumnBuffer.Utf8 strings = (ColumnBuffer.Utf8) buffer;
                boolean ascii = kind == Kind.ID;
                for (int i = 0; i < count; i++) {
                    String value = string.apply((R) rows[i]);
                    if (value == null) {
                        addNull(strings);
                    } else if (ascii) {
                        strings.addAscii(value);
                    } else {
                        strings.add(utf8.encode(value));
                    }
                }
            }
            case INT32 -> {
                ColumnBuffer.Numbers numbers = (ColumnBuffer.Numbers) buffer;
                for (int i = 0; i < count; i++) {
                    numbers.add(int32.applyAsInt((R) rows[i]));
                }
            }
            case INT64 -> {
                ColumnBuffer.Numbers numbers = (ColumnBuffer.Numbers) buffer;
                for (int i = 0; i < count; i++) {
                    numbers.add(int64.applyAsLong((R) rows[i]));
                }
            }
            case BOOLEAN -> {
                ColumnBuffer.Bool booleans = (ColumnBuffer.Bool) buffer;
                for (int i = 0; i < count; i++) {
                    booleans.add(bool.test((R) rows[i]));
                }
            }
            case STRING_LIST -> {
                ColumnBuffer.Lists<ColumnBuffer.Utf8> list = (ColumnBuffer.Lists<ColumnBuffer.Utf8>) buffer;
                for (int i = 0; i < count; i++) {
                    for (String value : stringList.apply((R) rows[i])) {
                        list.elements().add(utf8.encode(value));
                    }
                    list.endRow();
                }
            }
            case OFFSET_LIST -> {
                ColumnBuffer.Lists<ColumnBuffer.Numbers> list = (ColumnBuffer.Lists<ColumnBuffer.Numbers>) buffer;
                for (int i = 0; i < count; i++) {
                    for (int value : offsetList.apply((R) rows[i])) {
                        list.elements().add(value);
                    }
                    list.endRow();
                }
            }
        }
    }

    private static void addRepeated(ColumnBuffer.Utf8 strings, byte[] value, int count) {
        for (int i = 0; i < count; i++) {
            strings.add(value);
        }
    }

    private void addNull(ColumnBuffer.Utf8 strings) {
        if (!nullable) {
            throw new IllegalStateException("column " + name + " is not nullable");
        }
        strings.addNull();
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
