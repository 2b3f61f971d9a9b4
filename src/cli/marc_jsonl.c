/*
 * marc_jsonl.c — MARC-in-JSON, one record per line (the form pymarc,
 * ruby-marc, marc4j and FOLIO use): {"leader": "...", "fields": [{"001":
 * "..."}, {"245": {"ind1": "1", "ind2": "0", "subfields": [{"a": "..."}]}}]}.
 * A small reader for exactly this shape: strings are decoded, keys other
 * than "fields" are kept as written and written back unchanged.
 */
#include <stdlib.h>
#include <string.h>

#include "../core/revrit.h"
#include "marc_io.h"

#define MAX_DEPTH 64

typedef struct jp
{
	const char *s;
	size_t		n,
				i;
	const char *err;
	marc_rec   *rec;
} jp;

static void
ws(jp *p)
{
	while (p->i < p->n && strchr(" \t\r\n", p->s[p->i]))
		p->i++;
}

static int
eat(jp *p, char c)
{
	ws(p);
	if (p->i < p->n && p->s[p->i] == c)
	{
		p->i++;
		return 1;
	}
	return 0;
}

static int
hex4(const char *s, unsigned *v)
{
	*v = 0;
	for (int k = 0; k < 4; k++)
	{
		char		c = s[k];

		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (unsigned) (c - '0');
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			*v |= (unsigned) ((c | 0x20) - 'a' + 10);
		else
			return 0;
	}
	return 1;
}

static size_t
put_utf8(unsigned cp, char *o)
{
	if (cp < 0x80)
		return (size_t) (o[0] = (char) cp, 1);
	if (cp < 0x800)
		return o[0] = (char) (0xC0 | cp >> 6), o[1] = (char) (0x80 | (cp & 0x3F)), 2;
	if (cp < 0x10000)
		return o[0] = (char) (0xE0 | cp >> 12), o[1] = (char) (0x80 | ((cp >> 6) & 0x3F)),
			o[2] = (char) (0x80 | (cp & 0x3F)), 3;
	return o[0] = (char) (0xF0 | cp >> 18), o[1] = (char) (0x80 | ((cp >> 12) & 0x3F)),
		o[2] = (char) (0x80 | ((cp >> 6) & 0x3F)), o[3] = (char) (0x80 | (cp & 0x3F)), 4;
}

/* One \u escape at s (after the backslash), surrogate pairs joined. */
static int
unicode_escape(jp *p, char *o, size_t *k)
{
	unsigned	cp,
				lo;

	if (p->i + 5 > p->n || !hex4(p->s + p->i + 1, &cp))
		return 0;
	p->i += 5;
	if (cp >= 0xD800 && cp < 0xDC00)
	{
		if (p->i + 6 > p->n || p->s[p->i] != '\\' || p->s[p->i + 1] != 'u' ||
			!hex4(p->s + p->i + 2, &lo) || lo < 0xDC00 || lo > 0xDFFF)
			return 0;
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
		p->i += 6;
	}
	else if (cp >= 0xDC00 && cp < 0xE000)
		return 0;
	*k += put_utf8(cp, o + *k);
	return 1;
}

/* A string, decoded into memory the record owns; NULL on error. */
static char *
string(jp *p, size_t *len)
{
	char	   *o;
	size_t		k = 0;

	if (!eat(p, '"'))
		return p->err = "expected a string", NULL;
	if ((o = marc_rec_own(p->rec, malloc(p->n - p->i + 1))) == NULL)
		return p->err = "out of memory", NULL;
	while (p->i < p->n && p->s[p->i] != '"')
	{
		char		c = p->s[p->i];

		if ((unsigned char) c < 0x20)
			return p->err = "control character in a string", NULL;
		if (c != '\\')
		{
			o[k++] = c;
			p->i++;
			continue;
		}
		if (++p->i >= p->n)
			break;
		c = p->s[p->i];
		if (c == 'u')
		{
			if (!unicode_escape(p, o, &k))
				return p->err = "bad \\u escape", NULL;
			continue;
		}
		o[k++] = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' :
			c == 'b' ? '\b' : c == 'f' ? '\f' : c;
		if (!strchr("\"\\/ntrbf", c))
			return p->err = "bad escape in a string", NULL;
		p->i++;
	}
	if (!eat(p, '"'))
		return p->err = "unterminated string", NULL;
	o[k] = '\0';
	*len = k;
	return o;
}

/* Any value, skipped. */
static int
skip_value(jp *p, int depth)
{
	size_t		len;

	ws(p);
	if (depth > MAX_DEPTH)
		return p->err = "nested too deeply", 0;
	if (p->i < p->n && p->s[p->i] == '"')
		return string(p, &len) != NULL;
	if (eat(p, '{') || eat(p, '['))
	{
		char		close = p->s[p->i - 1] == '{' ? '}' : ']';

		if (eat(p, close))
			return 1;
		do
		{
			if (close == '}' && (string(p, &len) == NULL || !eat(p, ':')))
				return p->err = p->err ? p->err : "expected a key", 0;
			if (!skip_value(p, depth + 1))
				return 0;
		} while (eat(p, ','));
		return eat(p, close) ? 1 : (p->err = "unterminated object or array", 0);
	}
	while (p->i < p->n && !strchr(",]} \t\r\n", p->s[p->i]))
		p->i++;
	return 1;
}

static int
key_is(const char *k, size_t len, const char *want)
{
	return len == strlen(want) && memcmp(k, want, len) == 0;
}

/* [{"a": "..."}, ...] into f; the array is owned by the record. */
static int
subfields(jp *p, rv_marc_field *f)
{
	rv_marc_subfield *sfs = NULL;
	int			cap = 0,
				n = 0,
				ok = 1;

	if (!eat(p, '['))
		return p->err = "subfields must be an array", 0;
	if (!eat(p, ']'))
	{
		do
		{
			size_t		klen,
						vlen;
			char	   *k,
					   *v;

			if (n == cap)
			{
				rv_marc_subfield *more = realloc(sfs, sizeof(*sfs) * (size_t) (cap = cap ? cap * 2 : 8));

				if (more == NULL)
				{
					p->err = "out of memory";
					ok = 0;
					break;
				}
				sfs = more;
			}
			if (!eat(p, '{') || (k = string(p, &klen)) == NULL || klen != 1 ||
				!eat(p, ':') || (v = string(p, &vlen)) == NULL || !eat(p, '}'))
			{
				p->err = "a subfield is {\"code\": \"value\"} with a one-character code";
				ok = 0;
				break;
			}
			sfs[n++] = (rv_marc_subfield) {k[0], v, vlen};
		} while (eat(p, ','));
		if (ok && !eat(p, ']'))
		{
			p->err = "unterminated subfields";
			ok = 0;
		}
	}
	if (!ok)
	{
		free(sfs);
		return 0;
	}
	f->subfields = marc_rec_own(p->rec, sfs);
	f->nsubfields = n;
	return 1;
}

/* {"ind1": "1", "ind2": "0", "subfields": [...]}; other keys are skipped. */
static int
data_field(jp *p, rv_marc_field *f)
{
	int			have_subfields = 0;

	f->ind1 = f->ind2 = ' ';
	if (!eat(p, '}'))
		do
		{
			size_t		klen,
						vlen;
			char	   *k = string(p, &klen),
					   *v;

			if (k == NULL || !eat(p, ':'))
				return p->err = p->err ? p->err : "expected ':'", 0;
			if (key_is(k, klen, "ind1") || key_is(k, klen, "ind2"))
			{
				if ((v = string(p, &vlen)) == NULL || vlen > 1)
					return p->err = "an indicator is a one-character string", 0;
				*(k[3] == '1' ? &f->ind1 : &f->ind2) = vlen ? v[0] : ' ';
			}
			else if (key_is(k, klen, "subfields"))
			{
				if (!subfields(p, f))
					return 0;
				have_subfields = 1;
			}
			else if (!skip_value(p, 1))
				return 0;
		} while (eat(p, ','));
	if (!have_subfields)
		return p->err = "a data field needs a \"subfields\" array", 0;
	return eat(p, '}') ? 1 : (p->err = "unterminated data field", 0);
}

/* [{"001": "..."}, {"245": {...}}, ...] */
static int
fields(jp *p)
{
	if (!eat(p, '['))
		return p->err = "\"fields\" must be an array", 0;
	if (eat(p, ']'))
		return 1;
	do
	{
		size_t		tlen,
					vlen;
		char	   *tag;
		rv_marc_field *f;

		if (!eat(p, '{') || (tag = string(p, &tlen)) == NULL || !eat(p, ':'))
			return p->err = "a field is an object with one key, its tag", 0;
		if (tlen != 3)
			return p->err = "a tag must have three characters", 0;
		if ((f = marc_rec_add(p->rec)) == NULL)
			return p->err = "out of memory", 0;
		memcpy(f->tag, tag, 4);
		ws(p);
		if (p->i < p->n && p->s[p->i] == '"')
		{
			if ((f->value = string(p, &vlen)) == NULL)
				return 0;
			f->len = vlen;
		}
		else if (!eat(p, '{') || !data_field(p, f))
			return p->err = p->err ? p->err : "a field is a string or an object", 0;
		if (!eat(p, '}'))
			return p->err = "a field is an object with one key, its tag", 0;
	} while (eat(p, ','));
	return eat(p, ']') ? 1 : (p->err = "unterminated \"fields\"", 0);
}

/* Append raw text to the record's kept keys. */
static int
keep_raw(jp *p, size_t from, size_t to)
{
	size_t		have = p->rec->json_rest ? strlen(p->rec->json_rest) : 0;
	char	   *s = malloc(have + (to - from) + 3);

	if (s == NULL)
		return p->err = "out of memory", 0;
	if (have)
		memcpy(s, p->rec->json_rest, have);
	memcpy(s + have, have ? ", " : "", have ? 2 : 0);
	have += have ? 2 : 0;
	memcpy(s + have, p->s + from, to - from);
	s[have + to - from] = '\0';
	p->rec->json_rest = marc_rec_own(p->rec, s);
	return 1;
}

static int
record(jp *p)
{
	int			have_fields = 0;

	if (!eat(p, '{'))
		return p->err = "a record is a JSON object", 0;
	if (!eat(p, '}'))
		do
		{
			size_t		klen,
						start;
			char	   *k;

			ws(p);
			start = p->i;
			if ((k = string(p, &klen)) == NULL || !eat(p, ':'))
				return p->err = p->err ? p->err : "expected ':'", 0;
			if (key_is(k, klen, "fields"))
			{
				if (!fields(p))
					return 0;
				have_fields = 1;
				continue;
			}
			ws(p);
			if (key_is(k, klen, "leader") && p->i + 26 <= p->n && p->s[p->i] == '"' &&
				p->s[p->i + 25] == '"')
				memcpy(p->rec->leader, p->s + p->i + 1, 24);
			if (!skip_value(p, 1) || !keep_raw(p, start, p->i))
				return 0;
		} while (eat(p, ','));
	if (!have_fields)
		return p->err = "a record needs a \"fields\" array", 0;
	if (!eat(p, '}'))
		return p->err = "unterminated record", 0;
	ws(p);
	return p->i == p->n ? 1 : (p->err = "text after the record", 0);
}

int
jsonl_read(FILE *fp, marc_rec *rec, char *err)
{
	char	   *line = NULL;
	size_t		cap = 0;
	ssize_t		len;
	jp			p = {0};
	char		name[96];

	do
	{
		if ((len = getline(&line, &cap, fp)) < 0)
		{
			free(line);
			return 0;
		}
		while (len > 0 && strchr(" \t\r\n", line[len - 1]))
			line[--len] = '\0';
	} while (len == 0);
	p.s = marc_rec_own(rec, line);
	p.n = (size_t) len;
	p.rec = rec;
	if (p.s == NULL)
		p.err = "out of memory";
	if (p.s && record(&p))
		return 1;
	snprintf(err, MARC_ERRLEN, "%s: not MARC-in-JSON: %s (at byte %zu)",
			 marc_rec_name(rec, name, sizeof(name)), p.err, p.i + 1);
	return -1;
}

/* ---- writing ---------------------------------------------------------------- */

static void
put_string(FILE *fp, const char *s, size_t len)
{
	putc('"', fp);
	for (size_t i = 0; i < len; i++)
	{
		unsigned char c = (unsigned char) s[i];

		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c < 0x20)
			fprintf(fp, "\\u%04x", c);
		else
			putc(c, fp);
	}
	putc('"', fp);
}

int
jsonl_write(FILE *fp, const marc_rec *rec, const rv_marc_field *fs,
			int nfields, char *err)
{
	(void) err;
	fputc('{', fp);
	if (rec->json_rest)
		fprintf(fp, "%s, ", rec->json_rest);
	else if (rec->leader[0])
	{
		fputs("\"leader\": ", fp);
		put_string(fp, rec->leader, strlen(rec->leader));
		fputs(", ", fp);
	}
	fputs("\"fields\": [", fp);
	for (int i = 0; i < nfields; i++)
	{
		const rv_marc_field *f = &fs[i];

		fprintf(fp, "%s{\"%s\": ", i ? ", " : "", f->tag);
		if (f->value)
			put_string(fp, f->value, f->len);
		else
		{
			fputs("{\"ind1\": ", fp);
			put_string(fp, &f->ind1, 1);
			fputs(", \"ind2\": ", fp);
			put_string(fp, &f->ind2, 1);
			fputs(", \"subfields\": [", fp);
			for (int s = 0; s < f->nsubfields; s++)
			{
				fprintf(fp, "%s{", s ? ", " : "");
				put_string(fp, &f->subfields[s].code, 1);
				fputs(": ", fp);
				put_string(fp, f->subfields[s].value, f->subfields[s].len);
				fputc('}', fp);
			}
			fputs("]}", fp);
		}
		fputc('}', fp);
	}
	fputs("]}\n", fp);
	return 1;
}
