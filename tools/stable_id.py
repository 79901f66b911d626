#!/usr/bin/env python3
"""Recomputes CodeAnatomy stable ids (docs/decisions.md, "Stable ids"), independently of the Java code.

    python3 tools/stable_id.py node PATH BSTART BEND KIND
    python3 tools/stable_id.py edge KIND SRC DST [PATH BSTART BEND]
    python3 tools/stable_id.py hash TEXT          (murmur3_x64_128 of TEXT's UTF-8, as hex)

An id is KIND + ":" + hex of murmur3_x64_128 (seed 0) over the UTF-8 of the fields joined by
U+241F; the 16 digest bytes are h1 then h2, each little-endian (Guava's murmur3_128 order).
"""
import sys

_M = (1 << 64) - 1
_C1 = 0x87C37B91114253D5
_C2 = 0x4CF5AD432745937F
SEPARATOR = "\u241f"


def _rotl(x, r):
    return ((x << r) | (x >> (64 - r))) & _M


def _fmix(k):
    k ^= k >> 33
    k = (k * 0xFF51AFD7ED558CCD) & _M
    k ^= k >> 33
    k = (k * 0xC4CEB9FE1A85EC53) & _M
    return k ^ (k >> 33)


def _mix_k1(k1):
    return (_rotl((k1 * _C1) & _M, 31) * _C2) & _M


def _mix_k2(k2):
    return (_rotl((k2 * _C2) & _M, 33) * _C1) & _M


def murmur3_x64_128(data: bytes) -> bytes:
    h1 = h2 = 0
    blocks = len(data) // 16
    for i in range(blocks):
        h1 ^= _mix_k1(int.from_bytes(data[16 * i:16 * i + 8], "little"))
        h1 = (_rotl(h1, 27) + h2) & _M
        h1 = (h1 * 5 + 0x52DCE729) & _M
        h2 ^= _mix_k2(int.from_bytes(data[16 * i + 8:16 * i + 16], "little"))
        h2 = (_rotl(h2, 31) + h1) & _M
        h2 = (h2 * 5 + 0x38495AB5) & _M
    tail = data[16 * blocks:]
    if len(tail) > 8:
        h2 ^= _mix_k2(int.from_bytes(tail[8:], "little"))
    if tail:
        h1 ^= _mix_k1(int.from_bytes(tail[:8], "little"))
    h1 ^= len(data)
    h2 ^= len(data)
    h1 = (h1 + h2) & _M
    h2 = (h2 + h1) & _M
    h1 = _fmix(h1)
    h2 = _fmix(h2)
    h1 = (h1 + h2) & _M
    h2 = (h2 + h1) & _M
    return h1.to_bytes(8, "little") + h2.to_bytes(8, "little")


def node_id(path, bstart, bend, kind):
    fields = [path, str(bstart), str(bend), kind]
    return kind + ":" + murmur3_x64_128(SEPARATOR.join(fields).encode()).hex()


def edge_id(kind, src, dst, path=None, bstart=None, bend=None):
    fields = [kind, src, dst, path or "", "" if bstart is None else str(bstart), "" if bend is None else str(bend)]
    return kind + ":" + murmur3_x64_128(SEPARATOR.join(fields).encode()).hex()


def main(argv):
    if len(argv) == 6 and argv[1] == "node":
        print(node_id(argv[2], int(argv[3]), int(argv[4]), argv[5]))
    elif len(argv) in (5, 8) and argv[1] == "edge":
        span = (argv[5], int(argv[6]), int(argv[7])) if len(argv) == 8 else ()
        print(edge_id(argv[2], argv[3], argv[4], *span))
    elif len(argv) == 3 and argv[1] == "hash":
        print(murmur3_x64_128(argv[2].encode()).hex())
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
