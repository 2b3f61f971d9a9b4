/*
 * jsonb_sink.c — build revrit_analyze's jsonb straight from the core's
 * event stream (rv_analyze_events), in jsonb's on-disk format.
 *
 * JSON text followed by jsonb_in, or a pushJsonbValue tree, both hold the
 * whole document several times over in intermediate forms (a JsonbValue is
 * ~40 bytes per scalar, plus pair arrays): 1 MB of input reached 0.5-0.8
 * GB.  Here each container is serialized as soon as it closes and handed
 * to its parent as bytes, so the peak is about twice the finished jsonb.
 *
 * The format is the one convertJsonbArray/convertJsonbObject write
 * (utils/jsonb.h): a container is a header word (count | type flag), one
 * JEntry per child (object: all keys, then all values, keys sorted by
 * length then bytes), then the children's data; every JB_OFFSET_STRIDE'th
 * JEntry holds an end offset, the others a length.  Numerics and
 * containers start 4-byte aligned relative to their parent's data, the
 * padding counted in their length.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "revrit_pg.h"

/* The analysis nests 5 deep; this leaves room. */
#define SINK_MAX_DEPTH 16

/* One member of an open object, its value already serialized. */
typedef struct SinkPair
{
	char	   *key;
	int			keylen;
	uint32		type;			/* JENTRY_IS* of the value */
	char	   *data;			/* value bytes, unpadded */
	int			len;
} SinkPair;

typedef struct SinkLevel
{
	bool		object;
	/* arrays: children written in place, aligned */
	StringInfoData data;
	uint32	   *meta;			/* type | length, per child */
	int			n;
	int			cap;
	/* objects */
	SinkPair   *pairs;
	int			npairs;
	int			cappairs;
	char	   *key;			/* the key awaiting its value */
	int			keylen;
} SinkLevel;

typedef struct JsonbSink
{
	Size		scalar_bytes;	/* keys, scalars, headers, entries: a lower
								 * bound of the finished size */
	int			depth;
	SinkLevel	levels[SINK_MAX_DEPTH];
	Jsonb	   *result;
} JsonbSink;

static void
too_big(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("revrit_analyze: the result exceeds the maximum jsonb container size of %d bytes",
					JENTRY_OFFLENMASK),
			 errhint("Analyze a shorter text, or ask for fewer alternatives (n).")));
}

static bool
needs_align(uint32 type)
{
	return type == JENTRY_ISNUMERIC || type == JENTRY_ISCONTAINER;
}

/* Hand one serialized child (value bytes, unpadded) to the open container. */
static void
add_child(JsonbSink *js, uint32 type, const char *data, int len, bool copy)
{
	SinkLevel  *l = &js->levels[js->depth - 1];

	/* the root holds every byte, so past its limit stop at once, before
	 * any buffer grows further (8 MB of text at n = 3 would need ~290 MB) */
	if (type != JENTRY_ISCONTAINER)
		js->scalar_bytes += len + sizeof(JEntry);
	else
		js->scalar_bytes += 2 * sizeof(JEntry);	/* its header and entry */
	if (js->scalar_bytes > JENTRY_OFFLENMASK)
		too_big();

	if (l->object)
	{
		SinkPair   *p;

		if (l->npairs == l->cappairs)
		{
			l->cappairs = l->cappairs ? l->cappairs * 2 : 8;
			l->pairs = l->pairs ? repalloc(l->pairs, l->cappairs * sizeof(SinkPair)) :
				palloc(l->cappairs * sizeof(SinkPair));
		}
		p = &l->pairs[l->npairs++];
		p->key = l->key;
		p->keylen = l->keylen;
		p->type = type;
		p->data = !copy ? (char *) data : len ? pnstrdup(data, len) : NULL;
		p->len = len;
		l->key = NULL;
		return;
	}
	if (l->n == l->cap)
	{
		l->cap = l->cap ? l->cap * 2 : 8;
		l->meta = l->meta ? repalloc_huge(l->meta, l->cap * sizeof(uint32)) :
			palloc(l->cap * sizeof(uint32));
	}
	{
		int			start = l->data.len;

		/* refuse before the buffer doubles past the limit */
		if ((Size) l->data.len + len + sizeof(uint32) > JENTRY_OFFLENMASK)
			too_big();
		if (l->data.len == 0 && type == JENTRY_ISCONTAINER && !copy)
		{
			/* the first container becomes the buffer: no copy of it */
			pfree(l->data.data);
			l->data.data = (char *) data;
			l->data.len = l->data.maxlen = len;
			l->meta[l->n++] = type | (uint32) len;
			return;
		}
		if (needs_align(type))
			while (l->data.len % sizeof(uint32))
				appendStringInfoCharMacro(&l->data, '\0');
		appendBinaryStringInfo(&l->data, data, len);
		if (l->data.len > JENTRY_OFFLENMASK)
			too_big();
		l->meta[l->n++] = type | (uint32) (l->data.len - start);
	}
	if (!copy && data)
		pfree((void *) data);
}

/* JEntry i of a container, given its type|length and the running end. */
static uint32
jentry(int i, uint32 meta, uint32 end)
{
	if (i % JB_OFFSET_STRIDE == 0)
		return (meta & JENTRY_TYPEMASK) | end | JENTRY_HAS_OFF;
	return meta;
}

/*
 * The array's bytes: header and JEntries are put in front of the children's
 * data in the same buffer (a large buffer grows by realloc, usually without
 * a copy), so closing the biggest array needs no second buffer its size.
 */
static char *
finish_array(SinkLevel *l, int *len)
{
	Size		head = sizeof(uint32) * (1 + l->n);
	Size		datalen = l->data.len;
	uint32	   *words;
	uint32		end = 0;

	if (datalen + head > JENTRY_OFFLENMASK)
		too_big();
	enlargeStringInfo(&l->data, head);
	memmove(l->data.data + head, l->data.data, datalen);
	words = (uint32 *) l->data.data;
	words[0] = (uint32) l->n | JB_FARRAY;
	for (int i = 0; i < l->n; i++)
	{
		end += l->meta[i] & JENTRY_OFFLENMASK;
		words[1 + i] = jentry(i, l->meta[i], end);
	}
	if (l->meta)
		pfree(l->meta);
	*len = (int) (head + datalen);
	return l->data.data;
}

static int
cmp_pairs(const void *a, const void *b)
{
	const SinkPair *x = a;
	const SinkPair *y = b;

	if (x->keylen != y->keylen)
		return x->keylen < y->keylen ? -1 : 1;
	return memcmp(x->key, y->key, x->keylen);
}

/*
 * The buffer of an object of size total whose data starts at datastart:
 * its biggest container member's own buffer, grown (in place for a large
 * one) and that member moved to its final place, so closing the outermost
 * objects needs no second copy of their biggest part; *big is that member,
 * or NULL when a fresh buffer was taken.
 */
static char *
object_buffer(SinkLevel *l, Size datastart, Size total, SinkPair **big)
{
	Size		off = 0;
	Size		bigoff = 0;
	char	   *buf;

	*big = NULL;
	for (int i = 0; i < l->npairs; i++)
		off += l->pairs[i].keylen;
	for (int i = 0; i < l->npairs; i++)
	{
		SinkPair   *p = &l->pairs[i];

		if (needs_align(p->type))
			off = INTALIGN(off);
		if (p->type == JENTRY_ISCONTAINER &&
			(*big == NULL || p->len > (*big)->len))
		{
			*big = p;
			bigoff = off;
		}
		off += p->len;
	}
	if (*big == NULL || (*big)->len < 65536)
	{
		*big = NULL;
		return palloc_extended(total, MCXT_ALLOC_HUGE);
	}
	buf = repalloc_huge((*big)->data, total);
	memmove(buf + datastart + bigoff, buf, (*big)->len);
	return buf;
}

/*
 * The object's bytes in one buffer of the exact size (no doubling slack,
 * no second copy), after prefix spare bytes (the root's varlena header).
 * Each member's key and value are freed once written.
 */
static char *
finish_object(SinkLevel *l, int *len, Size prefix)
{
	int			n = l->npairs;
	Size		head = sizeof(uint32) * (2 * n + 1);
	Size		datalen = 0;
	uint32		end = 0;
	uint32	   *words;
	char	   *data;
	char	   *buf;
	SinkPair   *big;

	qsort(l->pairs, n, sizeof(SinkPair), cmp_pairs);
	for (int i = 0; i < n; i++)
		datalen += l->pairs[i].keylen;
	for (int i = 0; i < n; i++)
	{
		if (needs_align(l->pairs[i].type))
			datalen = INTALIGN(datalen);
		datalen += l->pairs[i].len;
		if (datalen > JENTRY_OFFLENMASK)
			too_big();
	}
	buf = object_buffer(l, prefix + head, prefix + head + datalen, &big);
	words = (uint32 *) (buf + prefix);
	data = buf + prefix + head;
	words[0] = (uint32) n | JB_FOBJECT;
	for (int i = 0; i < n; i++)
	{
		SinkPair   *p = &l->pairs[i];

		Assert(end <= datalen);
		memcpy(data + end, p->key, p->keylen);
		end += p->keylen;
		words[1 + i] = jentry(i, JENTRY_ISSTRING | p->keylen, end);
		pfree(p->key);
	}
	for (int i = 0; i < n; i++)
	{
		SinkPair   *p = &l->pairs[i];
		uint32		start = end;

		if (needs_align(p->type))
			while (end % sizeof(uint32))
				data[end++] = '\0';
		if (p->len && p != big)
			memcpy(data + end, p->data, p->len);
		end += p->len;
		words[1 + n + i] = jentry(n + i, p->type | (end - start), end);
		if (p->data && p != big)
			pfree(p->data);
	}
	Assert(end == datalen);
	if (l->pairs)
		pfree(l->pairs);
	*len = (int) (head + datalen);
	return buf;
}

static void
begin(JsonbSink *js, bool object)
{
	SinkLevel  *l;

	if (js->depth == SINK_MAX_DEPTH)
		elog(ERROR, "revrit_analyze: the analysis nests too deep");
	l = &js->levels[js->depth++];
	memset(l, 0, sizeof(*l));
	l->object = object;
	if (!object)
		initStringInfo(&l->data);
}

static void
end(JsonbSink *js)
{
	SinkLevel  *l = &js->levels[js->depth - 1];
	int			len;
	char	   *bytes;

	CHECK_FOR_INTERRUPTS();
	js->depth--;
	if (js->depth == 0 && l->object)
	{
		/* the root object is written after room for the varlena header */
		js->result = (Jsonb *) finish_object(l, &len, VARHDRSZ);
		SET_VARSIZE(js->result, VARHDRSZ + len);
		return;
	}
	bytes = l->object ? finish_object(l, &len, 0) : finish_array(l, &len);
	if (js->depth > 0)
	{
		add_child(js, JENTRY_ISCONTAINER, bytes, len, false);
		return;
	}
	js->result = palloc_extended(VARHDRSZ + len, MCXT_ALLOC_HUGE);
	SET_VARSIZE(js->result, VARHDRSZ + len);
	memcpy(VARDATA(js->result), bytes, len);
	pfree(bytes);
}

static void
ev_begin_object(void *arg)
{
	begin(arg, true);
}

static void
ev_begin_array(void *arg)
{
	begin(arg, false);
}

static void
ev_end(void *arg)
{
	end(arg);
}

static void
ev_key(const char *s, size_t len, void *arg)
{
	JsonbSink  *js = arg;
	SinkLevel  *l = &js->levels[js->depth - 1];

	l->key = pnstrdup(s, len);
	l->keylen = (int) len;
	js->scalar_bytes += len + sizeof(JEntry);
}

static void
ev_string(const char *s, size_t len, void *arg)
{
	if (len > JENTRY_OFFLENMASK)
		too_big();
	add_child(arg, JENTRY_ISSTRING, s, (int) len, true);
}

static void
ev_number(const char *s, size_t len, void *arg)
{
	char	   *text = pnstrdup(s, len);
	Numeric		num = DatumGetNumeric(DirectFunctionCall3(numeric_in,
														  CStringGetDatum(text),
														  ObjectIdGetDatum(InvalidOid),
														  Int32GetDatum(-1)));

	pfree(text);
	add_child(arg, JENTRY_ISNUMERIC, (char *) num, VARSIZE_ANY(num), false);
}

static void
ev_boolean(int v, void *arg)
{
	add_child(arg, v ? JENTRY_ISBOOL_TRUE : JENTRY_ISBOOL_FALSE, NULL, 0, true);
}

static void
ev_null(void *arg)
{
	add_child(arg, JENTRY_ISNULL, NULL, 0, true);
}

Jsonb *
revrit_analyze_jsonb(const rv_engine *engine, const char *text, size_t len,
					 int n, const rv_options *opt)
{
	JsonbSink	js;
	rv_event_sink sink = {ev_begin_object, ev_end, ev_begin_array, ev_end,
		ev_key, ev_string, ev_number, ev_boolean, ev_null, &js};
	char		err[RV_ERRLEN] = "";
	rv_status	status;

	memset(&js, 0, sizeof(js));
	status = rv_analyze_events(engine, text, len, n, opt, &sink, err);
	if (status != RV_OK)
		revrit_report(status, err, NULL);
	if (js.result == NULL || js.depth != 0)
		elog(ERROR, "revrit_analyze: the analysis ended incomplete");
	return js.result;
}
