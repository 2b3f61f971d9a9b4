/*
 * marc_xml_io.c — MARCXML files for "revrit marc": a <record> or a
 * <collection>, parsed whole with libxml2, each record planned by the
 * caller and changed in place (a $6 subfield put first, 880 datafields
 * inserted), the document written back.  The same safety as in the
 * server (src/pg/marc_xml.c): no network, no DTD (a document declaring
 * one is refused unread), libxml2's size and depth limits on.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "marc_io.h"

static int
is_element(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE &&
		xmlStrcmp(n->name, (const xmlChar *) name) == 0;
}

/* An attribute or the text of a node, owned by rec ("" when absent). */
static char *
owned(marc_rec *rec, xmlChar *v)
{
	char	   *s = marc_rec_own(rec, strdup(v ? (const char *) v : ""));

	xmlFree(v);
	return s;
}

static int
read_record(marc_rec *rec, xmlNodePtr node, xmlNodePtr **nodes, char *err)
{
	int			n = 0;

	for (xmlNodePtr c = node->children; c; c = c->next)
		n += is_element(c, "controlfield") || is_element(c, "datafield");
	if ((*nodes = marc_rec_own(rec, calloc((size_t) n + 1, sizeof(xmlNodePtr)))) == NULL)
		return snprintf(err, MARC_ERRLEN, "out of memory"), 0;
	for (xmlNodePtr c = node->children; c; c = c->next)
	{
		rv_marc_field *f;
		char	   *tag;

		if (!is_element(c, "controlfield") && !is_element(c, "datafield"))
			continue;
		if ((f = marc_rec_add(rec)) == NULL ||
			(tag = owned(rec, xmlGetProp(c, (const xmlChar *) "tag"))) == NULL)
			return snprintf(err, MARC_ERRLEN, "out of memory"), 0;
		(*nodes)[rec->nfields - 1] = c;
		if (strlen(tag) != 3)
			return snprintf(err, MARC_ERRLEN, "record %d, field %d: not MARCXML: a field needs a three-character tag",
							rec->number, rec->nfields), 0;
		memcpy(f->tag, tag, 4);
		if (is_element(c, "controlfield"))
		{
			f->value = owned(rec, xmlNodeGetContent(c));
			f->len = f->value ? strlen(f->value) : 0;
			continue;
		}
		for (int k = 0; k < 2; k++)
		{
			char	   *ind = owned(rec, xmlGetProp(c, (const xmlChar *) (k ? "ind2" : "ind1")));

			*(k ? &f->ind2 : &f->ind1) = ind && ind[0] ? ind[0] : ' ';
		}
		for (xmlNodePtr s = c->children; s; s = s->next)
			f->nsubfields += is_element(s, "subfield");
		f->subfields = marc_rec_own(rec, calloc((size_t) f->nsubfields + 1, sizeof(rv_marc_subfield)));
		f->nsubfields = 0;
		if (f->subfields == NULL)
			return snprintf(err, MARC_ERRLEN, "out of memory"), 0;
		for (xmlNodePtr s = c->children; s; s = s->next)
		{
			rv_marc_subfield *sf = (rv_marc_subfield *) &f->subfields[f->nsubfields];
			char	   *code;

			if (!is_element(s, "subfield"))
				continue;
			code = owned(rec, xmlGetProp(s, (const xmlChar *) "code"));
			if (code == NULL || strlen(code) != 1)
				return snprintf(err, MARC_ERRLEN, "record %d, field %d: not MARCXML: a subfield needs a one-character code",
								rec->number, rec->nfields), 0;
			sf->code = code[0];
			sf->value = owned(rec, xmlNodeGetContent(s));
			sf->len = sf->value ? strlen(sf->value) : 0;
			f->nsubfields++;
		}
	}
	return 1;
}

static xmlNodePtr
blank_copy(xmlNodePtr n)
{
	return n && n->type == XML_TEXT_NODE && xmlIsBlankNode(n) ? xmlCopyNode(n, 0) : NULL;
}

static xmlNodePtr
new_subfield(xmlNsPtr ns, char code, const char *value, size_t len)
{
	xmlNodePtr	sf = xmlNewNode(ns, (const xmlChar *) "subfield");
	char		c[2] = {code, '\0'};

	xmlNewProp(sf, (const xmlChar *) "code", (const xmlChar *) c);
	xmlAddChild(sf, xmlNewTextLen((const xmlChar *) value, (int) len));
	return sf;
}

/* Link the field (a $6 put first) and insert its 880 before `at` (or after
 * `last`), both laid out like the field. */
static void
add_880(xmlNodePtr rec, xmlNodePtr field, const rv_marc_added *a,
		xmlNodePtr at, xmlNodePtr *last)
{
	xmlNodePtr	first = field->children,
				f = xmlNewNode(rec->ns, (const xmlChar *) "datafield"),
				ws;
	char		i1[2] = {a->ind1, '\0'},
				i2[2] = {a->ind2, '\0'};

	while (first && first->type != XML_ELEMENT_NODE)
		first = first->next;
	ws = blank_copy(first ? first->prev : NULL);
	if (first)
	{
		xmlAddPrevSibling(first, new_subfield(field->ns, '6', a->link, strlen(a->link)));
		if (ws)
			xmlAddPrevSibling(first, ws);
	}
	else
		xmlAddChild(field, new_subfield(field->ns, '6', a->link, strlen(a->link)));
	xmlNewProp(f, (const xmlChar *) "tag", (const xmlChar *) "880");
	xmlNewProp(f, (const xmlChar *) "ind1", (const xmlChar *) i1);
	xmlNewProp(f, (const xmlChar *) "ind2", (const xmlChar *) i2);
	for (int s = 0; s < a->nsubfields; s++)
	{
		if ((ws = blank_copy(field->children)) != NULL)
			xmlAddChild(f, ws);
		xmlAddChild(f, new_subfield(rec->ns, a->subfields[s].code,
									a->subfields[s].value, a->subfields[s].len));
	}
	if ((ws = blank_copy(field->last)) != NULL)
		xmlAddChild(f, ws);
	ws = blank_copy(at ? at->prev : *last ? (*last)->prev : NULL);
	if (at)
	{
		xmlAddPrevSibling(at, f);
		if (ws)
			xmlAddPrevSibling(at, ws);
	}
	else if (*last)
	{
		xmlAddNextSibling(*last, f);
		if (ws)
			xmlAddPrevSibling(f, ws);
		*last = f;
	}
	else
		xmlAddChild(rec, f);
}

/* One <record>: read, plan (fn), change in place; 0 on error. */
static int
convert_record(xmlNodePtr node, int number, marc_plan_fn fn, void *arg, char *err)
{
	marc_rec	rec;
	xmlNodePtr *nodes = NULL,
				last;
	rv_marc_plan *plan = NULL;
	int			ok;

	memset(&rec, 0, sizeof(rec));
	rec.number = number;
	ok = read_record(&rec, node, &nodes, err) &&
		(plan = fn(arg, &rec, err)) != NULL;
	if (ok)
	{
		last = rec.nfields ? nodes[rec.nfields - 1] : NULL;
		for (int a = 0; a < plan->nadded; a++)
			add_880(node, nodes[plan->added[a].field], &plan->added[a],
					plan->insert_at < rec.nfields ? nodes[plan->insert_at] : NULL, &last);
	}
	rv_marc_plan_free(plan);
	marc_rec_clear(&rec);
	return ok;
}

/* SAX hook: a document that declares a DTD is refused, unread. */
static void
refuse_dtd(void *ctx, const xmlChar *name, const xmlChar *external_id,
		   const xmlChar *system_id)
{
	xmlParserCtxtPtr ctxt = ctx;

	(void) name;
	(void) external_id;
	(void) system_id;
	*(int *) ctxt->_private = 1;
	xmlStopParser(ctxt);
}

static xmlDocPtr
parse(const char *data, size_t len, char *err)
{
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	int			has_dtd = 0;
	xmlDocPtr	doc;
	const xmlError *e;

	if (ctxt == NULL)
		return snprintf(err, MARC_ERRLEN, "out of memory"), NULL;
	ctxt->_private = &has_dtd;
	ctxt->sax->internalSubset = refuse_dtd;
	ctxt->sax->externalSubset = refuse_dtd;
	doc = xmlCtxtReadMemory(ctxt, data, (int) len, NULL, "UTF-8",
							XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	e = xmlCtxtGetLastError(ctxt);
	if (has_dtd)
		snprintf(err, MARC_ERRLEN, "a document type declaration (DTD) is not allowed in MARCXML");
	else if (doc == NULL || (e && e->level >= XML_ERR_ERROR))
		snprintf(err, MARC_ERRLEN, "invalid XML, line %d: %s", e ? e->line : 0,
				 e && e->message ? e->message : "unknown error");
	xmlFreeParserCtxt(ctxt);
	if (err[0] && doc)
	{
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (err[0])
		err[strcspn(err, "\n")] = '\0';
	return doc;
}

/* The whole of fp in memory (NUL-terminated); NULL when too big. */
static char *
slurp(FILE *fp, size_t *len, char *err)
{
	size_t		cap = 1 << 20;
	char	   *buf = malloc(cap + 1),
			   *more;
	size_t		n;

	*len = 0;
	while (buf && (n = fread(buf + *len, 1, cap - *len, fp)) > 0)
	{
		*len += n;
		if (*len == cap && (cap > (size_t) INT32_MAX / 2 ||
							(more = realloc(buf, 2 * cap + 1)) == NULL))
		{
			free(buf);
			return snprintf(err, MARC_ERRLEN, "MARCXML input too large to hold (split the collection)"), NULL;
		}
		if (*len == cap)
			buf = more, cap *= 2;
	}
	if (buf == NULL)
		return snprintf(err, MARC_ERRLEN, "out of memory"), NULL;
	buf[*len] = '\0';
	return buf;
}

int
marcxml_run(FILE *in, FILE *out, marc_plan_fn fn, void *arg, int write, char *err)
{
	size_t		len;
	char	   *data = slurp(in, &len, err);
	xmlDocPtr	doc = data ? parse(data, len, err) : NULL;
	xmlNodePtr	root = doc ? xmlDocGetRootElement(doc) : NULL;
	int			ok = doc != NULL,
				number = 0;

	if (ok && is_element(root, "record"))
		ok = convert_record(root, ++number, fn, arg, err);
	else if (ok && is_element(root, "collection"))
	{
		for (xmlNodePtr c = root->children; c && ok; c = c->next)
			if (is_element(c, "record"))
				ok = convert_record(c, ++number, fn, arg, err);
	}
	else if (ok)
	{
		snprintf(err, MARC_ERRLEN, "not MARCXML: the root element is <%s>, not <record> or <collection>",
				 root ? (const char *) root->name : "");
		ok = 0;
	}
	if (ok && write)
	{
		xmlChar    *s = NULL;
		int			n = 0;

		xmlDocDumpMemoryEnc(doc, &s, &n, "UTF-8");
		if (s && strncmp(data, "<?xml", 5) != 0 && strncmp((char *) s, "<?xml", 5) == 0)
		{
			char	   *end = strstr((char *) s, "?>\n");

			if (end)
				fwrite(end + 3, 1, (size_t) n - (size_t) (end + 3 - (char *) s), out);
		}
		else if (s)
			fwrite(s, 1, (size_t) n, out);
		ok = s != NULL;
		xmlFree(s);
	}
	xmlFreeDoc(doc);
	free(data);
	return ok;
}
