#!/usr/bin/env python3
"""Record-level 5-fold cross-validation of the fitted detection parameters
of rules/yiddish.rules (cue-threshold, cue-lexicon WEIGHT BIAS FROM).

Runs `build/revrit detect --verbose` on the three development files once,
then for each fold picks the parameters (grid below) that take the most
Yiddish training fields as Yiddish while keeping every training catalogue
field and >= 99.8% of the training place names Hebrew, and scores them on
the held-out records.  A record starts at a name field, or at a title that
does not follow one; each place name is a record of its own.

    python3 bench/yiddish_detect_cv.py [../shared/data]
"""
import subprocess
import sys

DATA = sys.argv[1] if len(sys.argv) > 1 else '../shared/data'
# cue-lexicon as compiled into the rules when the evidence is dumped (the
# dump holds the lexicon comparison of every field, FROM notwithstanding)
WEIGHT0, BIAS0 = 0.25, 1.5
LEXICON_WORDS = 4               # detect_language.c: DETECT_LEXICON_WORDS
NEVER = -1e9                    # no FROM: the comparison always counts
# FROM last and highest first: of equal fits, the one searching least
GRID = [(w, b, t, fr) for w in (0, 0.1, 0.25, 0.5) for b in (0, 0.5, 1, 1.5, 2)
        for t in (1, 1.25, 1.5, 1.75, 2, 2.5, 3) for fr in (1.5, 1, 0.5, NEVER)]
K = 5


def records(name):
    path = '%s/%s_dev.tsv' % (DATA, name)
    out = subprocess.run(['build/revrit', 'detect', path, '--verbose'],
                         capture_output=True, text=True, check=True).stdout
    feats = [tuple(map(float, l.split('\t')[2:5]))
             for l in out.splitlines() if '\t' in l]
    rows = open(path, encoding='utf-8').read().splitlines()[1:]
    rid, prev, recs = -1, None, []
    for row, f in zip(rows, feats):
        field = row.split('\t')[1]
        if name == 'places' or field == 'name' or prev is None or \
                (field == 'title' and prev != 'name'):
            rid += 1
        prev = field
        recs.append((rid, f))
    return recs


def score(f, w, b, fr):
    cues, lexicon, words = f        # lexicon includes BIAS0 per word
    if cues < fr:
        return cues
    return cues + w * (lexicon + (b - BIAS0) * min(words, LEXICON_WORDS))


def counts(ys, cs, ps, p):
    w, b, t, fr = p
    return (sum(score(f, w, b, fr) >= t for _, f in ys),
            sum(score(f, w, b, fr) < t for _, f in cs),
            sum(score(f, w, b, fr) < t for _, f in ps))


Y, C, P = records('yiddish'), records('catalog'), records('places')
tot, n = [0, 0, 0], [0, 0, 0]
for k in range(K):
    def train(s): return [x for x in s if x[0] % K != k]
    def test(s): return [x for x in s if x[0] % K == k]
    best = max(GRID, key=lambda p: (
        counts(train(Y), train(C), train(P), p)[1] == len(train(C)) and
        counts(train(Y), train(C), train(P), p)[2] >= 0.998 * len(train(P)),
        counts(train(Y), train(C), train(P), p)[0]))
    got = counts(test(Y), test(C), test(P), best)
    for i, s in enumerate((Y, C, P)):
        tot[i] += got[i]
        n[i] += len(test(s))
    print('fold %d: cue-lexicon %s %s %s, cue-threshold %s' %
          (k, best[0], best[1], 'none' if best[3] == NEVER else best[3],
           best[2]))
print('held out: Yiddish fields taken as Yiddish %.3f, catalogue fields '
      'kept Hebrew %.3f, place names kept Hebrew %.3f' %
      (tot[0] / n[0], tot[1] / n[1], tot[2] / n[2]))
