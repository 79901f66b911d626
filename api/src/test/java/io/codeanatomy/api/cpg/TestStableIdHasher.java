package io.codeanatomy.api.cpg;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TestStableIdHasher {
    /** Hex of the 16 digest bytes: h1 then h2, each little-endian. */
    private static String murmur(byte[] data) {
        long[] out = new long[2];
        Murmur3x64.hash128(data, data.length, out);
        return String.format("%016x%016x", Long.reverseBytes(out[0]), Long.reverseBytes(out[1]));
    }

    private static byte[] firstBytes(int n) {
        byte[] data = new byte[n];
        for (int i = 0; i < n; i++) {
            data[i] = (byte) i;
        }
        return data;
    }

    @Test
    void murmurMatchesTheReferenceOnEveryTailLength() {
        // python3 -c "import stable_id as s; print(s.murmur3_x64_128(bytes(range(n))).hex())" in tools/
        assertThat(murmur(firstBytes(0))).isEqualTo("00000000000000000000000000000000");
        assertThat(murmur(firstBytes(1))).isEqualTo("b55cff6ee5ab10468335f878aa2d6251");
        assertThat(murmur(firstBytes(7))).isEqualTo("680d4bca87694cbd87c725bdd4dd3a61");
        assertThat(murmur(firstBytes(8))).isEqualTo("c82f8ed6bde1a747c7dc31ec02eee660");
        assertThat(murmur(firstBytes(9))).isEqualTo("322d816e0fcbb4fbb9ff00021d75de78");
        assertThat(murmur(firstBytes(15))).isEqualTo("e92549fd98152347e97dc688ee6d84cd");
        assertThat(murmur(firstBytes(16))).isEqualTo("303f9091b524494445e82f76566490ab");
        assertThat(murmur(firstBytes(17))).isEqualTo("0ec2e79f0ff4765c24a8da9e6b025fc1");
        assertThat(murmur(firstBytes(31))).isEqualTo("94d02ca3e1d33d05905400b4ef9ae59e");
        assertThat(murmur(firstBytes(32))).isEqualTo("0f502fb622906dc65111c3346e0a051c");
        assertThat(murmur(firstBytes(33))).isEqualTo("1246bafa1b28417d0ba3d6a77380ac55");
    }

    @Test
    void murmurMatchesGuavasPublishedVector() {
        // Guava's HashTestUtils / Murmur3Hash128Test: murmur3_128().hashString("The quick brown fox ...").
        assertThat(murmur("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("6c1b07bc7bbc4be347939ac4a93c437a");
    }

    @Test
    void idIsKindColonHashOfPathSpanAndKindJoinedBySeparator() {
        String text = "pkg/mod.py\u241F17\u241F42\u241Fpy_def";
        assertThat(StableIdHasher.of("pkg/mod.py", 17, 42, "py_def"))
                .isEqualTo("py_def:" + murmur(text.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("py_def:dca6a315f3cc6338f512c8ffd4e1c9c1");
    }

    @Test
    void nonAsciiPathsAndKindsAreHashedAsUtf8() {
        String text = "\u00fcn\u00ef/\u00df.py\u241F1\u241F2\u241Fk\u00e9";
        assertThat(StableIdHasher.of("\u00fcn\u00ef/\u00df.py", 1, 2, "k\u00e9"))
                .isEqualTo("k\u00e9:" + murmur(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oneHasherReusedAcrossPathsAndEdgesGivesTheIdsOfFreshOnes() {
        StableIdHasher hasher = new StableIdHasher();
        hasher.startPath("x".repeat(600) + ".py");
        hasher.id("py_def", 1, 2);
        hasher.startPath("pkg/mod.py");
        String edge = hasher.edgeId("BINDS", "PY_SCOPE:1", "PY_BINDING:2", null, null, null);
        assertThat(edge).isEqualTo("BINDS:18029abd387d8868b34aa7ed14700d35");
        hasher.startPath("pkg/mod.py");
        assertThat(hasher.id("py_def", 17, 42)).isEqualTo("py_def:dca6a315f3cc6338f512c8ffd4e1c9c1");
        assertThat(HexFormat.of().toHexDigits(Long.reverseBytes(hasher.high()))).isEqualTo("dca6a315f3cc6338");
        assertThat(HexFormat.of().toHexDigits(Long.reverseBytes(hasher.low()))).isEqualTo("f512c8ffd4e1c9c1");
    }

    @Test
    void theStaticIdsOfOnePathStayRightAcrossEdgeIdsAndOtherPaths() {
        // of() encodes a path once for the ids after it; an edge id between them overwrites the buffer.
        String id = "py_def:dca6a315f3cc6338f512c8ffd4e1c9c1";
        String path = new String("pkg/mod.py");
        assertThat(StableIdHasher.of(path, 17, 42, "py_def")).isEqualTo(id);
        assertThat(StableIdHasher.edgeOf("BINDS", "PY_SCOPE:1", "PY_BINDING:2", null, null, null))
                .isEqualTo("BINDS:18029abd387d8868b34aa7ed14700d35");
        assertThat(StableIdHasher.of(path, 17, 42, "py_def")).isEqualTo(id);
        assertThat(StableIdHasher.of("pkg/other.py", 17, 42, "py_def")).isNotEqualTo(id);
        assertThat(StableIdHasher.of("pkg/mod.py", 17, 42, "py_def")).as("an equal path, another instance").isEqualTo(id);
        assertThat(StableIdHasher.of("pkg/mod.py", 17, 42, "k\u00e9")).startsWith("k\u00e9:");
    }

    @Test
    void anInjectedHashDecidesTheId() {
        StableIdHasher constant = new StableIdHasher((data, length, out) -> {
            out[0] = 0;
            out[1] = 1;
        });
        constant.startPath("a.py");
        assertThat(constant.id("py_name", 3, 5)).isEqualTo("py_name:00000000000000000100000000000000");
    }

    @Test
    void negativeOffsetsHashTheirSignedDecimalText() {
        // No extraction row has one, but stable_hash_id must answer any argument: the text is "a.py␟-1␟2␟py_name".
        StableIdHasher recording = new StableIdHasher((data, length, out) -> {
            String text = new String(data, 0, length, java.nio.charset.StandardCharsets.UTF_8);
            out[0] = text.equals("a.py\u241F-1\u241F2\u241Fpy_name") ? 7 : 0;
            out[1] = 0;
        });
        recording.startPath("a.py");
        assertThat(recording.id("py_name", -1, 2)).isEqualTo("py_name:07000000000000000000000000000000");
        assertThat(StableIdHasher.of("a.py", Long.MIN_VALUE, 2, "py_name")).isEqualTo(StableIdHasher.of("a.py", Long.MIN_VALUE, 2, "py_name"))
                .isNotEqualTo(StableIdHasher.of("a.py", 0, 2, "py_name"));
    }
}
