package io.codeanatomy.python.syntax;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One file on which our parser and CPython disagree: the category that groups similar
 * disagreements in a report, both verdicts, and (for the first few) where the dumps diverge.
 */
public record Mismatch(Path file, String category, Verdict cpython, Verdict ours, String detail) {
    public Mismatch {
        requireNonNull(file, "file is null");
        requireNonNull(category, "category is null");
        requireNonNull(cpython, "cpython is null");
        requireNonNull(ours, "ours is null");
        requireNonNull(detail, "detail is null");
    }

    public Mismatch withCategory(String newCategory, String newDetail) {
        return new Mismatch(file, newCategory, cpython, ours, newDetail);
    }
}
