"""The CPython side of TestLexerDifferential: Python's own tokenize module over source files.

Reads NUL-separated file paths on stdin. For each file, in input order, prints one line
    <index> TAB OK TAB <sha1 of the token lines> TAB <number of token lines>
or  <index> TAB SKIP TAB <why>
and, when run with the argument 'dump', the token lines themselves after an OK line. A token line is
    <kind> SP <start line> SP <start column> SP <end line> SP <end column>
for NAME (N), NUMBER (U), STRING (S) and OP (O) tokens, columns in UTF-8 bytes of the decoded line;
    <kind> SP <line>
for NEWLINE (L), INDENT (I) and DEDENT (D); a DEDENT that tokenize puts on the line after the last
one is moved to the last line, where CPython's C tokenizer has it.

Files are skipped when tokenize or ast.parse refuses them; when tokenize yields an ERRORTOKEN
(its regular expressions take a name to be \w+, so it splits names with characters such as
variation selectors that CPython accepts); and when they hold a carriage return not followed by a
newline (tokenize splits lines at LF only, where CPython translates a lone CR into a newline)."""
import ast
import hashlib
import io
import multiprocessing
import sys
import tokenize
import warnings

KINDS = {tokenize.NAME: 'N', tokenize.NUMBER: 'U', tokenize.STRING: 'S', tokenize.OP: 'O'}
LINE_KINDS = {tokenize.NEWLINE: 'L', tokenize.INDENT: 'I', tokenize.DEDENT: 'D'}


def token_lines(data):
    if b'\r' in data.replace(b'\r\n', b''):
        return None, 'lone carriage return'
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            ast.parse(data)
    except (SyntaxError, ValueError) as e:
        return None, 'ast.parse: %s: %s' % (type(e).__name__, e)
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        physical = [line.decode(encoding) for line in io.BytesIO(data).readlines()]
        tokens = list(tokenize.tokenize(io.BytesIO(data).readline))
    except (SyntaxError, tokenize.TokenError, UnicodeDecodeError, LookupError) as e:
        return None, 'tokenize: %s: %s' % (type(e).__name__, e)
    if physical and physical[0].startswith('\ufeff'):
        physical[0] = physical[0][1:]
    last_line = len(physical)

    def byte_col(row, col):
        if row > last_line:
            return col
        return len(physical[row - 1][:col].encode('utf-8'))

    out = []
    for tok in tokens:
        if tok.type == tokenize.ERRORTOKEN:
            return None, 'tokenize: ERRORTOKEN %r at %d:%d' % (tok.string, tok.start[0], tok.start[1])
        if tok.type in KINDS:
            (sl, sc), (el, ec) = tok.start, tok.end
            out.append('%s %d %d %d %d' % (KINDS[tok.type], sl, byte_col(sl, sc), el, byte_col(el, ec)))
        elif tok.type in LINE_KINDS:
            out.append('%s %d' % (LINE_KINDS[tok.type], min(tok.start[0], max(last_line, 1))))
    return out, None


def one(path):
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except OSError as e:
        return None, 'read: %s' % e
    return token_lines(data)


def main():
    dump = len(sys.argv) > 1 and sys.argv[1] == 'dump'
    paths = [p for p in sys.stdin.buffer.read().decode('utf-8').split('\0') if p]
    out = sys.stdout
    with multiprocessing.Pool(2) as pool:
        for index, (lines, why) in enumerate(pool.imap(one, paths, chunksize=8)):
            if lines is None:
                out.write('%d\tSKIP\t%s\n' % (index, why.replace('\n', ' ').replace('\t', ' ')))
                continue
            text = ''.join(line + '\n' for line in lines)
            digest = hashlib.sha1(text.encode('ascii')).hexdigest()
            out.write('%d\tOK\t%s\t%d\n' % (index, digest, len(lines)))
            if dump:
                out.write(text)
    out.flush()


if __name__ == '__main__':
    main()
