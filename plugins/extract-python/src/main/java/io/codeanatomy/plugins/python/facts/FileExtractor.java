package io.codeanatomy.plugins.python.facts;

import static java.util.Objects.requireNonNull;

import io.codeanatomy.plugins.python.modules.ModulePath;
import io.codeanatomy.python.syntax.ParseResult;
import io.codeanatomy.python.syntax.PythonParser;
import io.codeanatomy.python.syntax.PythonVersion;
import io.codeanatomy.python.syntax.SourceText;
import io.codeanatomy.python.syntax.SyntaxError;
import io.codeanatomy.python.syntax.ast.ImportFrom;
import io.codeanatomy.python.syntax.ast.Module;
import io.codeanatomy.python.syntax.ast.alias;
import io.codeanatomy.python.syntax.ast.stmt;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns one file into its {@link FileFacts}: reads it, parses it, walks the tree. Never throws
 * for a bad file: whatever goes wrong becomes the file's status and a row of its errors.
 *
 * <p>Not thread-safe: one instance per worker thread (it reuses its digests).
 */
public final class FileExtractor {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** How deep the walker follows nesting: beyond CPython's own symbol table (about 3000 levels). */
    static final int DEFAULT_MAX_DEPTH = 5_000;

    private final PythonVersion version;
    private final long maxFileBytes;
    private final int maxDepth;
    private final StableIds ids = new StableIds();
    /** The fact families' collectors, sorted by event once and reused for every file of this worker. */
    private final CollectorEvents collectors;
    private final MessageDigest contentDigest;

    /**
     * @param version      the Python version whose grammar files are parsed with
     * @param maxFileBytes files larger than this are not read (status TOO_LARGE)
     */
    public FileExtractor(PythonVersion version, long maxFileBytes) {
        this(version, maxFileBytes, List.of());
    }

    /**
     * @param extraCollectors collectors of fact families other plugins add, called after the
     *                        standard ones; this extractor's alone (they are not thread-safe)
     */
    public FileExtractor(PythonVersion version, long maxFileBytes, List<FactCollector> extraCollectors) {
        this(version, maxFileBytes, DEFAULT_MAX_DEPTH, extraCollectors);
    }

    FileExtractor(PythonVersion version, long maxFileBytes, int maxDepth) {
        this(version, maxFileBytes, maxDepth, List.of());
    }

    private FileExtractor(PythonVersion version, long maxFileBytes, int maxDepth, List<FactCollector> extraCollectors) {
        this.version = requireNonNull(version, "version is null");
        this.maxFileBytes = maxFileBytes;
        this.maxDepth = maxDepth;
        List<FactCollector> all = new ArrayList<>(FactCollectors.standard());
        all.addAll(requireNonNull(extraCollectors, "extraCollectors is null"));
        this.collectors = new CollectorEvents(all);
        try {
            this.contentDigest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /**
     * Reads and extracts the file at {@code file}, listed as {@code path}: its {@code path} column,
     * unless the name is not valid UTF-8, then the escaped form of {@link RelativePath}.
     */
    public FileFacts extract(String path, Path file) {
        return extract(path, file, ModulePath.UNKNOWN);
    }

    /** Reads and extracts the file at {@code file}, listed as {@code path}, that is the module {@code module}. */
    public FileFacts extract(String path, Path file, ModulePath module) {
        requireNonNull(path, "path is null");
        requireNonNull(file, "file is null");
        requireNonNull(module, "module is null");
        // A name that is not UTF-8 was listed with U+FFFD for its bad bytes: keep the bytes, escaped.
        path = RelativePath.of(path, file);
        byte[] raw;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return unread(path, module, ParseStatus.UNREADABLE, -1, "not a regular file");
            }
            if (attributes.size() > maxFileBytes) {
                return tooLarge(path, module, attributes.size());
            }
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            boolean danglingLink = Files.isSymbolicLink(file);
            return unread(path, module, danglingLink ? ParseStatus.UNREADABLE : ParseStatus.VANISHED, -1,
                    danglingLink ? "the symbolic link points to nothing" : "the file was deleted before it could be read");
        } catch (AccessDeniedException e) {
            return unread(path, module, ParseStatus.UNREADABLE, -1, "permission denied");
        } catch (FileSystemException e) {
            String reason = e.getReason() != null ? e.getReason() : e.toString();
            return unread(path, module, ParseStatus.UNREADABLE, -1, reason.toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            return unread(path, module, ParseStatus.UNREADABLE, -1, String.valueOf(e));
        }
        // It may have grown since its size was read.
        return raw.length > maxFileBytes ? tooLarge(path, module, raw.length) : extract(path, raw, module);
    }

    private FileFacts tooLarge(String path, ModulePath module, long size) {
        return unread(path, module, ParseStatus.TOO_LARGE, size,
                "the file has " + size + " bytes, more than the limit of " + maxFileBytes);
    }

    /** Extracts a file whose bytes are already read. */
    public FileFacts extract(String path, byte[] raw) {
        return extract(path, raw, ModulePath.UNKNOWN);
    }

    /** Extracts a file whose bytes are already read, that is the module {@code module}. */
    public FileFacts extract(String path, byte[] raw, ModulePath module) {
        requireNonNull(path, "path is null");
        requireNonNull(raw, "raw is null");
        requireNonNull(module, "module is null");
        String sha256 = sha256(raw);
        try {
            return extract(path, raw, sha256, module);
        } catch (RuntimeException e) {
            return withoutText(path, module, ParseStatus.EXTRACT_ERROR, raw.length, sha256, ErrorStage.EXTRACT,
                    "internal error: " + e);
        }
    }

    private FileFacts extract(String path, byte[] raw, String sha256, ModulePath modulePath) {
        // The parser decodes the bytes (BOM, PEP 263 cookie) once; its text is what every span refers to.
        ParseResult result = PythonParser.parse(raw, version);
        SourceText source = result.source();
        FileFacts facts = new FileFacts(path);
        ids.startFile(path);
        long size = source.bytes().length;
        String fileId = ids.id(IdKinds.FILE, 0, size);
        lines(facts, source);

        ParseStatus status = ParseStatus.OK;
        if (result.decodeError() != null) {
            // The text still parses, undecodable bytes read as U+FFFD: its facts are kept, as recovered.
            status = ParseStatus.DECODE_ERROR;
        } else if (!result.errors().isEmpty()) {
            status = ParseStatus.SYNTAX_ERROR;
        }
        for (SyntaxError error : result.errors()) {
            // The decoding error is the very object the parser put first in the list.
            addError(facts, error, error == result.decodeError() ? ErrorStage.DECODE : ErrorStage.PARSE, size);
        }
        Module module = result.module();
        boolean futureAnnotations = hasFutureAnnotations(module);
        try {
            new FactWalker(source.bytes(), ids, facts, fileId, module, status != ParseStatus.OK,
                    collectors, maxDepth, version).walk();
        } catch (FactWalker.TooDeepException | StackOverflowError e) {
            facts.clearFacts();
            status = ParseStatus.TOO_DEEP;
            addError(facts, 0, 0, 0, 0, "the syntax tree is nested too deeply to walk", ErrorStage.EXTRACT, size);
        }
        facts.finish();
        facts.setFile(new FileRow(fileId, path, size, raw.length, sha256, source.lineCount(), source.encoding(),
                source.bomLength() > 0, status, facts.errorCount(), futureAnnotations, version.toString(),
                RelativePath.isExact(path), modulePath), ids.named());
        return facts;
    }

    /** Facts of a file that could not be read: its row and one error. */
    private FileFacts unread(String path, ModulePath module, ParseStatus status, long rawSize, String message) {
        return withoutText(path, module, status, rawSize, null, ErrorStage.READ, message);
    }

    /** Facts of a file without usable text: its row (size 0, spans [0, 0)) and one error. */
    private FileFacts withoutText(String path, ModulePath module, ParseStatus status, long rawSize, String sha256, ErrorStage stage,
                                  String message) {
        FileFacts facts = new FileFacts(path);
        ids.startFile(path);
        addError(facts, 0, 0, 0, 0, message, stage, 0);
        facts.setFile(new FileRow(ids.id(IdKinds.FILE, 0, 0), path, 0, rawSize, sha256, 0, null, false, status,
                1, false, version.toString(), RelativePath.isExact(path), module), ids.named());
        return facts;
    }

    private void lines(FileFacts facts, SourceText source) {
        int size = source.bytes().length;
        facts.setLines(new LineStartsRow(ids.id(IdKinds.LINES, 0, size), 0, size, source.lineStarts()));
    }

    private void addError(FileFacts facts, SyntaxError error, ErrorStage stage, long size) {
        addError(facts, error.bstart(), error.bend(), error.line(), error.column(), error.message(), stage, size);
    }

    /** Adds an error, its span clamped to the text. */
    private void addError(FileFacts facts, long bstart, long bend, int line, int column, String message,
                          ErrorStage stage, long size) {
        long start = Math.max(0, Math.min(bstart, size));
        long end = Math.max(start, Math.min(bend, size));
        facts.add(new ErrorRow(ids.id(IdKinds.ERROR, start, end), start, end, line, column, message, stage));
    }

    /** {@code from __future__ import annotations} among the module's leading future imports. */
    private static boolean hasFutureAnnotations(Module module) {
        for (stmt s : module.body()) {
            if (s instanceof ImportFrom f && "__future__".equals(f.module()) && f.level() == 0) {
                for (alias a : f.names()) {
                    if (a.name().equals("annotations")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private String sha256(byte[] raw) {
        byte[] digest = contentDigest.digest(raw);
        char[] out = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(out);
    }
}
