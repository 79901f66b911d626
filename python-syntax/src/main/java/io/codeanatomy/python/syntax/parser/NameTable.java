package io.codeanatomy.python.syntax.parser;

import io.codeanatomy.python.syntax.lexer.Identifiers;
import java.nio.charset.StandardCharsets;

/**
 * Interns the identifiers of one file so that every occurrence of a name shares one String and
 * an ASCII name is decoded once. Non-ASCII names go through NFKC normalisation as CPython does.
 */
final class NameTable {
    private String[] names;
    private int[] hashes;
    private int size;

    /** @param expected about how many names will be interned (sizes the table once) */
    NameTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(64, expected) * 2 - 1) * 2;
        names = new String[capacity];
        hashes = new int[capacity];
    }

    String intern(byte[] src, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            byte b = src[i];
            if (b < 0) {
                return Identifiers.text(src, start, end);
            }
            h = 31 * h + b;
        }
        int mask = names.length - 1;
        int slot = (h ^ (h >>> 16)) & mask;
        while (true) {
            String s = names[slot];
            if (s == null) {
                String created = new String(src, start, end - start, StandardCharsets.ISO_8859_1);
                names[slot] = created;
                hashes[slot] = h;
                if (++size * 2 > names.length) {
                    grow();
                }
                return created;
            }
            if (hashes[slot] == h && sameAscii(s, src, start, end)) {
                return s;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static boolean sameAscii(String s, byte[] src, int start, int end) {
        if (s.length() != end - start) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (s.charAt(i - start) != src[i]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        String[] oldNames = names;
        int[] oldHashes = hashes;
        names = new String[oldNames.length * 2];
        hashes = new int[oldNames.length * 2];
        int mask = names.length - 1;
        for (int i = 0; i < oldNames.length; i++) {
            if (oldNames[i] != null) {
                int h = oldHashes[i];
                int slot = (h ^ (h >>> 16)) & mask;
                while (names[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                names[slot] = oldNames[i];
                hashes[slot] = h;
            }
        }
    }
}
