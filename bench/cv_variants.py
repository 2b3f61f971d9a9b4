#!/usr/bin/env python3
"""cv_variants.py - record-level k-fold cross-validation of a choice among
rule-file variants.

usage: bench/cv_variants.py PAIRS.tsv RULES_DIR [RULES_DIR ...]
       [--folds K] [--revrit BIN] [--lexicon FILE|none]

Each RULES_DIR is one candidate setting of hand-set weights (a copy of
rules/ with some weights changed), given as --rules takes it: with the
word lists, DIR:data/names:data/places (absolute paths).  For each fold the variant with the best
Hebrew-word accuracy on the other folds is chosen (ties go to the variant
listed first, so list the current setting or the simpler one first) and
its output is kept for the held-out fold; the pooled held-out output is
then scored by "revrit score".  That figure, not the accuracy of the best
variant on all pairs, is the honest one for weights picked on the pairs.

Records: the pairs files have no record id, but the fields of one
catalogue record are consecutive lines of one source, and a record's name
heading comes first.  A record therefore starts where the source changes
or where a "name" line follows a line of another field; folds take whole
records in turn.
"""
import os
import subprocess
import sys
import tempfile


def records(rows):
    ids, rid, prev = [], -1, None
    for src, field, _, _ in rows:
        if prev is None or src != prev[0] or (field == 'name' and prev[1] != 'name'):
            rid += 1
        ids.append(rid)
        prev = (src, field)
    return ids


def predictions(revrit, pairs, rules, extra):
    with tempfile.NamedTemporaryFile('r', suffix='.txt', delete=False) as f:
        out = f.name
    subprocess.run([revrit, 'eval', pairs, '--rules', rules, '--out', out] + extra,
                   check=True, stdout=subprocess.DEVNULL)
    with open(out, encoding='utf-8') as f:
        lines = f.read().split('\n')
    os.unlink(out)
    return lines


def score(revrit, header, rows, preds, tmp):
    pairs, pred = os.path.join(tmp, 'p.tsv'), os.path.join(tmp, 'p.txt')
    with open(pairs, 'w', encoding='utf-8') as f:
        f.write(header + '\n' + ''.join('\t'.join(r) + '\n' for r in rows))
    with open(pred, 'w', encoding='utf-8') as f:
        f.write(''.join(p + '\n' for p in preds))
    res = subprocess.run([revrit, 'score', pairs, pred], check=True,
                         capture_output=True, text=True).stdout
    last = res.strip().split('\n')[-1]
    return last, float(last.split('heb_word_acc=')[1].split()[0])


def main(argv):
    folds, revrit, extra, args = 5, 'build/revrit', [], []
    i = 1
    while i < len(argv):
        if argv[i] == '--folds':
            folds = int(argv[i + 1]); i += 2
        elif argv[i] == '--revrit':
            revrit = argv[i + 1]; i += 2
        elif argv[i] == '--lexicon':
            extra += ['--lexicon', argv[i + 1]]; i += 2
        else:
            args.append(argv[i]); i += 1
    if len(args) < 2:
        sys.exit(__doc__)
    pairs, variants = args[0], args[1:]
    with open(pairs, encoding='utf-8') as f:
        lines = [l for l in f.read().split('\n') if l]
    header, rows = lines[0], [tuple(l.split('\t')) for l in lines[1:]]
    fold_of = [r % folds for r in records(rows)]
    preds = [predictions(revrit, pairs, v, extra) for v in variants]
    held_out = [None] * len(rows)
    with tempfile.TemporaryDirectory() as tmp:
        for f in range(folds):
            train = [j for j in range(len(rows)) if fold_of[j] != f]
            accs = [score(revrit, header, [rows[j] for j in train],
                          [p[j] for j in train], tmp)[1] for p in preds]
            best = max(range(len(variants)), key=lambda v: (accs[v], -v))
            print(f'fold {f + 1}: chose {variants[best]} '
                  f'(train heb_word_acc {accs[best]:.3f})')
            for j in range(len(rows)):
                if fold_of[j] == f:
                    held_out[j] = preds[best][j]
        for v, p in zip(variants, preds):
            print(f'all pairs, {v}: {score(revrit, header, rows, p[:len(rows)], tmp)[0]}')
        print(f'cross-validated ({folds} folds): '
              f'{score(revrit, header, rows, held_out, tmp)[0]}')


if __name__ == '__main__':
    main(sys.argv)
