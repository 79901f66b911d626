"""Prints CPython's repr() of values given one per line on stdin, one line each, for TestPyRepr.
Input lines: 'f <64-bit pattern in hex>', 'c <bits of real> <bits of imag>', 's <code points in hex>...',
'b <bytes in hex>', 'i <int in hex, may be negative>', or 'allchars' (repr of every single code point)."""
import struct
import sys


def as_float(bits):
    return struct.unpack('<d', struct.pack('<Q', int(bits, 16)))[0]


def answer(line):
    kind, _, rest = line.partition(' ')
    if kind == 'f':
        return repr(as_float(rest))
    if kind == 'c':
        re, im = rest.split()
        return repr(complex(as_float(re), as_float(im)))
    if kind == 's':
        return repr(''.join(chr(int(cp, 16)) for cp in rest.split()))
    if kind == 'b':
        return repr(bytes.fromhex(rest))
    if kind == 'i':
        try:
            return repr(int(rest, 16))
        except ValueError:
            return 'ValueError'
    raise SystemExit('unknown request: ' + line)


def main():
    out = []
    for line in sys.stdin.read().splitlines():
        if line == 'allchars':
            out.extend(repr(chr(c)) for c in range(sys.maxunicode + 1))
        else:
            out.append(answer(line))
    sys.stdout.buffer.write(('\n'.join(out) + '\n').encode('utf-8'))


main()
