"""Channel weights of a rule file from forced alignments (bench/fit_ranking.py).

Each token line of a rule file is one variant; its options, in file order,
are numbered across the file as the rules compiler numbers them, which is
what `revrit align` prints.  The new weight of option i of a variant is

    -ln p_i + ln max_j p_j,   p_i = (c_i + alpha * q_i) / (C + alpha)

where c_i counts how often the gold spellings used option i, C = sum c_i,
and q_i = exp(-w_i) / sum_j exp(-w_j) is the prior from the hand-set
weights w (so an option the data never saw keeps its hand-set cost
relative to the others, and the best option costs 0).
"""
import math
import re

POSITIONS = {"*", "^", ".", "$", "^$"}


def strip_comment(line):
    if line.startswith("#"):
        return ""
    return re.split(r"\s#", line, maxsplit=1)[0]


def token_lines(text):
    """(line number, fields) of each token line, in file order."""
    out = []
    for no, line in enumerate(text.split("\n")):
        f = strip_comment(line).split()
        if len(f) >= 3 and f[1] in POSITIONS:
            out.append((no, f))
    return out


def split_option(opt):
    if ":" in opt[1:]:
        heb, w = opt.rsplit(":", 1)
        return heb, float(w)
    return opt, 0.0


def read_counts(lines, standard):
    counts = {}
    for line in lines:
        std, idx = line.rstrip("\n").split("\t")[:2]
        if std != standard:
            continue
        for i in idx.split():
            counts[int(i)] = counts.get(int(i), 0) + 1
    return counts


def fitted_text(text, counts, alpha):
    lines = text.split("\n")
    index = 0
    for no, f in token_lines(text):
        opts = [split_option(o) for o in f[2:]]
        c = [counts.get(index + i, 0) for i in range(len(opts))]
        index += len(opts)
        if sum(c) == 0:
            continue
        z = sum(math.exp(-w) for _, w in opts)
        p = [(ci + alpha * math.exp(-w) / z) / (sum(c) + alpha)
             for ci, (_, w) in zip(c, opts)]
        best = max(p)
        new = []
        for (heb, _), pi in zip(opts, p):
            w = round(math.log(best) - math.log(pi), 2)
            new.append(heb if w == 0 else "%s:%g" % (heb, w))
        comment = ""
        m = re.search(r"\s#.*$", lines[no])
        if m:
            comment = "  " + m.group(0).strip()
        lines[no] = "%-7s %-3s %s%s" % (f[0], f[1], "  ".join(new), comment)
    return "\n".join(lines)
