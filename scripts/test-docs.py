#!/usr/bin/env python3
"""test-docs.py — run every SQL example of README.md, docs/*.md and
rules/README.md against a live cluster and check the results it shows, so
the documentation cannot drift from what revrit does.

Format of an example (a ```sql block):

    SELECT revrit('Sefer ha-ḥinukh');
    -- → ספר החינוך

  * Each statement runs; it must not fail unless its shown result is an
    error.  Its shown result is the "-- →" lines under it (or one at the end
    of its last line), one line per row, columns separated by "|"; cells are
    compared with surrounding spaces trimmed, so columns may be aligned.
    "-- → ERROR:  message" expects that error.  A statement with no "-- →"
    line is only run.  Other comments are prose and are not checked.
  * Each block runs in one psql session, in a fresh database that has
    revrit and a small table catalog (id, title, title_rom, title_heb).
    CREATE EXTENSION revrit is run as CREATE EXTENSION IF NOT EXISTS.
  * An HTML comment right before the block (invisible when rendered) may
    say <!-- check-setup: SQL --> (run first, not shown) or
    <!-- check-skip: why --> (not run; listed as skipped).

Also: every directive the rule compiler accepts (strcmp(f[0], "...") in
src/core/rules*.c) is documented in rules/README.md as `name`.

After a deliberate change of output, check the "got" rows it prints, then
"python3 scripts/test-docs.py --update" writes them into the files as the
new "-- →" lines (only where a shown result differs).  Needs PGHOST/PGPORT
of a cluster where revrit is installed (scripts/test.sh runs it).  Prints one line per failure
and "N passed, M failed" last (N, M count statements); exit status 1 if a
statement failed.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

ARROW = re.compile(r'^\s*--\s*→\s?(.*)$')
FIXTURE = """
CREATE EXTENSION revrit;
CREATE TABLE catalog (id integer PRIMARY KEY, title text, title_rom text,
                      title_heb text);
INSERT INTO catalog (id, title, title_rom) VALUES
  (1, 'Sefer ha-ḥinukh', 'Sefer ha-ḥinukh'),
  (2, 'Biḳoret u-farshanut', 'Biḳoret u-farshanut'),
  (3, 'Yad Yitsḥaḳ Ben-Tsevi', 'Yad Yitsḥaḳ Ben-Tsevi');
"""


def blocks(path):
    """The ```sql blocks of a Markdown file: (first line number, lines,
    setup SQL or None, skip reason or None)."""
    lines = open(path, encoding='utf-8').read().split('\n')
    out = []
    i = 0
    while i < len(lines):
        if lines[i].strip() == '```sql':
            setup = skip = None
            j = i - 1
            while j >= 0 and lines[j].strip().startswith('<!--'):
                m = re.match(r'\s*<!--\s*check-(setup|skip):\s*(.*?)\s*-->',
                             lines[j])
                if m and m.group(1) == 'setup':
                    setup = m.group(2)
                elif m:
                    skip = m.group(2)
                j -= 1
            k = i + 1
            while k < len(lines) and not lines[k].startswith('```'):
                k += 1
            out.append((i + 2, lines[i + 1:k], setup, skip))
            i = k
        i += 1
    return out


def split_statement(text):
    """Index just past the first ';' of text outside quotes and comments,
    or -1."""
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in "'\"":
            j = text.find(c, i + 1)
            while j != -1 and j + 1 < n and text[j + 1] == c:
                j = text.find(c, j + 2)
            if j == -1:
                return -1
            i = j + 1
            continue
        if text.startswith('--', i):
            j = text.find('\n', i)
            if j == -1:
                return -1
            i = j
            continue
        m = re.match(r'\$[A-Za-z_]*\$', text[i:])
        if m:
            j = text.find(m.group(0), i + len(m.group(0)))
            if j == -1:
                return -1
            i = j + len(m.group(0))
            continue
        if c == ';':
            return i + 1
        i += 1
    return -1


def statements(first, lines):
    """Statements of a block: (line number, SQL, expected rows, line
    numbers of the "-- →" lines)."""
    out = []
    pending = ''
    start = None
    for no, line in enumerate(lines, first):
        m = ARROW.match(line)
        if m and not pending.strip() and out:
            out[-1][2].append(m.group(1))
            out[-1][3].append(no)
            continue
        if not pending.strip():
            if not line.strip() or line.strip().startswith('--'):
                continue
            if line.lstrip().startswith('\\'):
                out.append((no, line.strip(), [], []))
                continue
            start = no
        pending += line + '\n'
        end = split_statement(pending)
        if end != -1:
            sql, rest = pending[:end], pending[end:]
            out.append((start, sql.strip(), [], []))
            m = ARROW.match(rest.strip())
            if m:
                out[-1][2].append(m.group(1))
                out[-1][3].append(no)
            pending = ''
    if pending.strip():
        out.append((start, pending.strip(), [], []))
    return out


def width(s):
    return sum(0 if unicodedata.combining(ch) else 1 for ch in s)


def aligned(rows):
    """Rows as "a | b" lines, each column padded to its widest cell."""
    table = [cells(r) for r in rows]
    widths = {}
    for row in table:
        for i, c in enumerate(row):
            widths[i] = max(widths.get(i, 0), width(c))
    return [' | '.join(c + ' ' * (widths[i] - width(c))
                       if i < len(row) - 1 else c
                       for i, c in enumerate(row)) for row in table]


def update(path, fixes):
    """Write the rows got into the file in place of the shown ones; fixes
    is [(arrow line numbers, rows got)]."""
    lines = open(path, encoding='utf-8').read().split('\n')
    for arrows, got in sorted(fixes, reverse=True):
        first = lines[arrows[0] - 1]
        cut = first.index('→') + 1
        prefix = first[:cut] + ' '
        own_line = ARROW.match(first) is not None
        rows = aligned(got) or ['']
        if own_line:
            new = [prefix + r for r in rows]
            lines[arrows[0] - 1:arrows[-1]] = new
        else:
            lines[arrows[0] - 1] = prefix + rows[0]
            lines[arrows[0]:arrows[0]] = ['-- → ' + r for r in rows[1:]]
    open(path, 'w', encoding='utf-8').write('\n'.join(lines))


def cells(row):
    return [c.strip() for c in row.split('|')]


def psql(db, args, stdin=None):
    return subprocess.run(['psql', '-X', '-q', '-d', db] + args, input=stdin,
                          capture_output=True, text=True)


def run_block(stmts, setup, tmp):
    """Run the statements in a fresh database; their outputs, in order."""
    for sql in ('DROP DATABASE IF EXISTS revrit_docs',
                'CREATE DATABASE revrit_docs TEMPLATE revrit_docs_template'):
        r = psql('postgres', ['-c', sql])
        if r.returncode != 0:
            sys.exit('test-docs: ' + r.stderr.strip())
    script = ['\\pset format unaligned', '\\pset tuples_only on',
              "\\pset fieldsep ' | '", "\\pset null ''",
              '\\set ON_ERROR_STOP 0', '\\set VERBOSITY terse']
    if setup:
        script.append(setup)
    for k, (_, sql, _, _) in enumerate(stmts):
        sql = re.sub(r'^CREATE EXTENSION revrit\b',
                     'CREATE EXTENSION IF NOT EXISTS revrit', sql)
        script += ['\\o %s/%d.out' % (tmp, k), sql, '\\if :ERROR',
                   '\\qecho ERROR: :LAST_ERROR_MESSAGE', '\\endif', '\\o']
    psql('revrit_docs', ['-f', '-'], '\n'.join(script) + '\n')
    outs = []
    for k in range(len(stmts)):
        path = '%s/%d.out' % (tmp, k)
        text = open(path, encoding='utf-8').read() if os.path.exists(path) else ''
        outs.append([l for l in text.split('\n') if l != ''])
    return outs


def check_directives():
    """Directives of the rule compiler missing from rules/README.md."""
    names = set()
    for path in glob.glob('src/core/rules*.c'):
        names |= set(re.findall(r'strcmp\(f\[0\], "([^"]+)"\)',
                                open(path, encoding='utf-8').read()))
    doc = open('rules/README.md', encoding='utf-8').read()
    return sorted(n for n in names if '`' + n not in doc), len(names)


def main():
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
    files = ['README.md'] + sorted(glob.glob('docs/*.md')) + ['rules/README.md']
    psql('postgres', ['-c', 'DROP DATABASE IF EXISTS revrit_docs_template'])
    for sql in ('CREATE DATABASE revrit_docs_template',):
        r = psql('postgres', ['-c', sql])
        if r.returncode != 0:
            sys.exit('test-docs: ' + r.stderr.strip())
    r = psql('revrit_docs_template', ['-v', 'ON_ERROR_STOP=1', '-f', '-'],
             FIXTURE)
    if r.returncode != 0:
        sys.exit('test-docs: fixture: ' + r.stderr.strip())
    missing, ndirectives = check_directives()
    passed = ndirectives - len(missing)
    failed = len(missing)
    for name in missing:
        print('FAIL rules/README.md: directive "%s" is not documented' % name)
    skipped = 0
    fixing = '--update' in sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            fixes = []
            for first, lines, setup, skip in blocks(path):
                stmts = statements(first, lines)
                if skip:
                    skipped += len(stmts)
                    print('skipped %s:%d (%s)' % (path, first, skip))
                    continue
                outs = run_block(stmts, setup, tmp)
                for (no, sql, want, arrows), got in zip(stmts, outs):
                    error = got[:1] and got[0].startswith('ERROR:')
                    if want:
                        ok = [cells(r) for r in want] == [cells(r) for r in got]
                    else:
                        ok = not error
                    if ok:
                        passed += 1
                        continue
                    failed += 1
                    print('FAIL %s:%d: %s' % (path, no, sql.split('\n')[0]))
                    print('  shown: ' + ('\n         '.join(want) if want else
                                         '(no result; must not fail)'))
                    print('  got:   ' + '\n         '.join(got))
                    if want:
                        fixes.append((arrows, got))
            if fixing and fixes:
                update(path, fixes)
                print('updated %d results in %s' % (len(fixes), path))
    psql('postgres', ['-c', 'DROP DATABASE IF EXISTS revrit_docs'])
    psql('postgres', ['-c', 'DROP DATABASE IF EXISTS revrit_docs_template'])
    print('%d statements skipped' % skipped)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
