"""Prints the non-ASCII code point ranges that CPython accepts in identifiers, as the Java string
constants of IdentifierChars: XID_START (str.isidentifier of the character alone) and XID_CONTINUE_ONLY
(accepted after a first letter but not first). Run with the CPython whose rules the lexer follows;
TestIdentifierChars runs it and compares with the tables."""
import sys


def ranges(pred):
    out = []
    for c in range(0x80, sys.maxunicode + 1):
        if pred(chr(c)):
            if out and out[-1][1] == c - 1:
                out[-1][1] = c
            else:
                out.append([c, c])
    return out


def encode(rs):
    return ' '.join('%x' % a if a == b else '%x-%x' % (a, b) for a, b in rs)


start = ranges(str.isidentifier)
cont_only = ranges(lambda ch: ('a' + ch).isidentifier() and not ch.isidentifier())
print('XID_START', encode(start))
print('XID_CONTINUE_ONLY', encode(cont_only))
