/*
 * marc_xml.c — revrit_marcxml(): linked 880 fields for MARCXML, a
 * <record> or a <collection> of them (MARC 21 slim schema, with or without
 * its namespace), as Evergreen and many exports keep them in text.
 *
 * Parsed and written with libxml2, under PostgreSQL's libxml error
 * handling (pg_xml_init), with every external access off: no network
 * (XML_PARSE_NONET), no DTD loading, no entity substitution, and a
 * document that declares a DTD at all is refused before anything in it is
 * expanded; libxml2's own limits on depth and text size stay on (no
 * XML_PARSE_HUGE).  A record that gets nothing comes back as it was given;
 * otherwise the tree is changed in place (a $6 subfield put first, 880
 * datafields inserted) and written out again.
 */
#include "postgres.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/xml.h"

#include "marc_pg.h"

PG_FUNCTION_INFO_V1(revrit_marcxml);

/* Largest document accepted: a bound on the tree libxml2 builds. */
#define MARCXML_MAX_BYTES	(64 * 1024 * 1024)

/* One <record>: the core's view and the element of each field. */
typedef struct XmlMarc
{
	rv_marc_record record;
	xmlNodePtr *nodes;
	int			recno;			/* 1-based, for messages */
} XmlMarc;

static bool
is_element(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE &&
		xmlStrcmp(n->name, (const xmlChar *) name) == 0;
}

/* An attribute's value in palloc'd memory, or NULL. */
static char *
attr(xmlNodePtr n, const char *name)
{
	xmlChar    *v = xmlGetProp(n, (const xmlChar *) name);
	char	   *s;

	if (v == NULL)
		return NULL;
	s = pstrdup((const char *) v);
	xmlFree(v);
	return s;
}

static char *
content(xmlNodePtr n)
{
	xmlChar    *v = xmlNodeGetContent(n);
	char	   *s = pstrdup(v ? (const char *) v : "");

	if (v)
		xmlFree(v);
	return s;
}

static void
bad_record(XmlMarc *m, int i, const char *what)
{
	marc_not_marc("revrit_marcxml", "not a MARCXML record",
				  i >= 0 ? psprintf("record %d, field %d: %s", m->recno, i + 1, what)
				  : psprintf("record %d: %s", m->recno, what));
}

static char
indicator(XmlMarc *m, int i, xmlNodePtr n, const char *name)
{
	char	   *v = attr(n, name);

	if (v == NULL || v[0] == '\0')
		return ' ';
	if (strlen(v) != 1)
		bad_record(m, i, psprintf("%s must be one character", name));
	return v[0];
}

static void
read_datafield(XmlMarc *m, int i, xmlNodePtr n, rv_marc_field *f)
{
	int			cap = 0,
				k = 0;
	rv_marc_subfield *sfs;

	for (xmlNodePtr c = n->children; c; c = c->next)
		cap += is_element(c, "subfield");
	sfs = palloc0(sizeof(rv_marc_subfield) * (cap + 1));
	for (xmlNodePtr c = n->children; c; c = c->next)
	{
		char	   *code;

		if (!is_element(c, "subfield"))
			continue;
		code = attr(c, "code");
		if (code == NULL || strlen(code) != 1)
			bad_record(m, i, "a subfield needs a one-character code");
		sfs[k].code = code[0];
		sfs[k].value = content(c);
		sfs[k].len = strlen(sfs[k].value);
		k++;
	}
	f->subfields = sfs;
	f->nsubfields = k;
	f->ind1 = indicator(m, i, n, "ind1");
	f->ind2 = indicator(m, i, n, "ind2");
}

static void
read_record(XmlMarc *m, xmlNodePtr rec)
{
	int			cap = 0,
				n = 0;
	rv_marc_field *fs;

	for (xmlNodePtr c = rec->children; c; c = c->next)
		cap += is_element(c, "controlfield") || is_element(c, "datafield");
	fs = palloc0(sizeof(rv_marc_field) * (cap + 1));
	m->nodes = palloc0(sizeof(xmlNodePtr) * (cap + 1));
	for (xmlNodePtr c = rec->children; c; c = c->next)
	{
		bool		control = is_element(c, "controlfield");
		char	   *tag;

		if (!control && !is_element(c, "datafield"))
			continue;
		CHECK_FOR_INTERRUPTS();
		tag = attr(c, "tag");
		if (tag == NULL || strlen(tag) != 3)
			bad_record(m, n, "a field needs a three-character tag");
		memcpy(fs[n].tag, tag, 4);
		if (control)
		{
			fs[n].value = content(c);
			fs[n].len = strlen(fs[n].value);
		}
		else
			read_datafield(m, n, c, &fs[n]);
		m->nodes[n++] = c;
	}
	m->record.fields = fs;
	m->record.nfields = n;
}

/* ---- applying a plan to the tree ------------------------------------------ */

/* A copy of node if it is white space, else NULL. */
static xmlNodePtr
blank_copy(xmlNodePtr node)
{
	if (node && node->type == XML_TEXT_NODE && xmlIsBlankNode(node))
		return xmlCopyNode(node, 0);
	return NULL;
}

/* A copy of the white space before node, to keep the layout. */
static xmlNodePtr
indent_before(xmlNodePtr node)
{
	return node ? blank_copy(node->prev) : NULL;
}

static xmlNodePtr
new_subfield(xmlNsPtr ns, char code, const char *value, size_t len)
{
	xmlNodePtr	sf = xmlNewNode(ns, (const xmlChar *) "subfield");
	char		c[2] = {code, '\0'};
	char	   *v = pnstrdup(value, len);

	xmlNewProp(sf, (const xmlChar *) "code", (const xmlChar *) c);
	xmlAddChild(sf, xmlNewText((const xmlChar *) v));
	return sf;
}

/* Put <subfield code="6">880-NN</subfield> first in a datafield. */
static void
prepend_link(xmlNodePtr field, const char *link)
{
	xmlNodePtr	first = NULL,
				sf = new_subfield(field->ns, '6', link, strlen(link));
	xmlNodePtr	ws;

	for (xmlNodePtr c = field->children; c && !first; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			first = c;
	if (first == NULL)
	{
		xmlAddChild(field, sf);
		return;
	}
	ws = indent_before(first);
	xmlAddPrevSibling(first, sf);
	if (ws)
		xmlAddPrevSibling(first, ws);
}

/* The 880 datafield, laid out like the field it is linked to. */
static xmlNodePtr
new_880(xmlNsPtr ns, const rv_marc_added *a, xmlNodePtr like)
{
	xmlNodePtr	f = xmlNewNode(ns, (const xmlChar *) "datafield");
	char		i1[2] = {a->ind1, '\0'},
				i2[2] = {a->ind2, '\0'};
	xmlNodePtr	ws;

	xmlNewProp(f, (const xmlChar *) "tag", (const xmlChar *) "880");
	xmlNewProp(f, (const xmlChar *) "ind1", (const xmlChar *) i1);
	xmlNewProp(f, (const xmlChar *) "ind2", (const xmlChar *) i2);
	for (int s = 0; s < a->nsubfields; s++)
	{
		if ((ws = blank_copy(like->children)) != NULL)
			xmlAddChild(f, ws);
		xmlAddChild(f, new_subfield(ns, a->subfields[s].code,
									a->subfields[s].value,
									a->subfields[s].len));
	}
	if ((ws = blank_copy(like->last)) != NULL)
		xmlAddChild(f, ws);
	return f;
}

static void
apply_plan(XmlMarc *m, xmlNodePtr rec, const rv_marc_plan *plan)
{
	xmlNodePtr	at = plan->insert_at < m->record.nfields ?
		m->nodes[plan->insert_at] : NULL;
	xmlNodePtr	last = m->record.nfields ? m->nodes[m->record.nfields - 1] : NULL;

	for (int a = 0; a < plan->nadded; a++)
	{
		const rv_marc_added *add = &plan->added[a];
		xmlNodePtr	f = new_880(rec->ns, add, m->nodes[add->field]);
		xmlNodePtr	ws = indent_before(at ? at : last);

		prepend_link(m->nodes[add->field], add->link);
		if (at)
		{
			xmlAddPrevSibling(at, f);
			if (ws)
				xmlAddPrevSibling(at, ws);
		}
		else if (last)
		{
			xmlAddNextSibling(last, f);
			if (ws)
				xmlAddPrevSibling(f, ws);
			last = f;
		}
		else
			xmlAddChild(rec, f);
	}
}

/* Plan and apply one <record>; returns whether it changed. */
static bool
convert_record(const MarcRequest *req, xmlNodePtr rec, int recno)
{
	XmlMarc		m = {0};
	rv_marc_plan *plan;
	bool		changed;

	m.recno = recno;
	read_record(&m, rec);
	plan = marc_plan(req, &m.record);
	changed = plan->nadded > 0;
	if (changed)
		apply_plan(&m, rec, plan);
	rv_marc_plan_free(plan);
	return changed;
}

/* ---- parsing and the SQL function --------------------------------------- */

/* SAX hook: a document that declares a DTD is refused, unread. */
static void
refuse_dtd(void *ctx, const xmlChar *name, const xmlChar *external_id,
		   const xmlChar *system_id)
{
	xmlParserCtxtPtr ctxt = (xmlParserCtxtPtr) ctx;

	*(bool *) ctxt->_private = true;
	xmlStopParser(ctxt);
}

static xmlDocPtr
parse_document(PgXmlErrorContext *xerr, xmlParserCtxtPtr ctxt,
			   const char *data, int len)
{
	volatile bool has_dtd = false;
	xmlDocPtr	doc;

	ctxt->_private = (void *) &has_dtd;
	ctxt->sax->internalSubset = refuse_dtd;
	ctxt->sax->externalSubset = refuse_dtd;
	doc = xmlCtxtReadMemory(ctxt, data, len, NULL, "UTF-8",
							XML_PARSE_NONET | XML_PARSE_NOWARNING);
	ctxt->_private = NULL;
	if (has_dtd)
	{
		if (doc)
			xmlFreeDoc(doc);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_XML_CONTENT),
				 errmsg("revrit_marcxml: a document type declaration (DTD) is not allowed"),
				 errdetail("MARCXML needs none, and a DTD could expand entities or load files.")));
	}
	if (doc == NULL || pg_xml_error_occurred(xerr))
	{
		if (doc)
			xmlFreeDoc(doc);
		xml_ereport(xerr, ERROR, ERRCODE_INVALID_XML_CONTENT,
					"revrit_marcxml: invalid XML");
	}
	return doc;
}

/* Convert every record of the document; returns whether any changed. */
static bool
convert_document(const MarcRequest *req, xmlDocPtr doc)
{
	xmlNodePtr	root = xmlDocGetRootElement(doc);
	bool		changed = false;
	int			recno = 0;

	if (is_element(root, "record"))
		return convert_record(req, root, 1);
	if (!is_element(root, "collection"))
		marc_not_marc("revrit_marcxml", "not a MARCXML record",
					  psprintf("The root element is <%s>, not <record> or <collection>.",
							   root ? (const char *) root->name : ""));
	for (xmlNodePtr c = root->children; c; c = c->next)
		if (is_element(c, "record"))
		{
			CHECK_FOR_INTERRUPTS();
			changed |= convert_record(req, c, ++recno);
		}
	return changed;
}

/* The document as text; the XML declaration only if the input had one. */
static text *
write_document(xmlDocPtr doc, const char *input)
{
	xmlChar    *out = NULL;
	int			len = 0;
	const char *s;
	text	   *result;

	xmlDocDumpMemoryEnc(doc, &out, &len, "UTF-8");
	if (out == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("revrit_marcxml: could not write the document")));
	s = (const char *) out;
	if (strncmp(input, "<?xml", 5) != 0 && strncmp(s, "<?xml", 5) == 0)
	{
		const char *end = strstr(s, "?>");

		if (end)
		{
			s = end + 2;
			while (*s == '\n')
				s++;
		}
	}
	/* keep the input's final newline or its absence */
	len -= (int) (s - (const char *) out);
	if (len > 0 && s[len - 1] == '\n' && input[0] && input[strlen(input) - 1] != '\n')
		len--;
	result = cstring_to_text_with_len(s, len);
	xmlFree(out);
	return result;
}

/* revrit_marcxml(record text, fields text[] DEFAULT NULL, only_fit boolean DEFAULT false) */
Datum
revrit_marcxml(PG_FUNCTION_ARGS)
{
	text	   *input;
	char	   *data;
	MarcRequest req = {0};
	PgXmlErrorContext *xerr;
	volatile xmlParserCtxtPtr ctxt = NULL;
	volatile xmlDocPtr doc = NULL;
	text	   *result = NULL;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	input = PG_GETARG_TEXT_PP(0);
	req.fn = "revrit_marcxml";
	if (!PG_ARGISNULL(1))
		marc_request_tags(&req, PG_GETARG_ARRAYTYPE_P(1));
	req.only_fit = !PG_ARGISNULL(2) && PG_GETARG_BOOL(2);
	if (VARSIZE_ANY_EXHDR(input) > MARCXML_MAX_BYTES)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("revrit_marcxml: document too large"),
				 errdetail("revrit_marcxml reads at most %d bytes; split the collection into records.",
						   MARCXML_MAX_BYTES)));
	data = text_to_cstring(input);

	xerr = pg_xml_init(PG_XML_STRICTNESS_WELLFORMED);
	PG_TRY();
	{
		ctxt = xmlNewParserCtxt();
		if (ctxt == NULL || pg_xml_error_occurred(xerr))
			xml_ereport(xerr, ERROR, ERRCODE_OUT_OF_MEMORY,
						"revrit_marcxml: could not allocate a parser");
		doc = parse_document(xerr, ctxt, data, (int) strlen(data));
		if (convert_document(&req, doc))
			result = write_document(doc, data);
	}
	PG_CATCH();
	{
		if (doc)
			xmlFreeDoc(doc);
		if (ctxt)
			xmlFreeParserCtxt(ctxt);
		pg_xml_done(xerr, true);
		PG_RE_THROW();
	}
	PG_END_TRY();
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	pg_xml_done(xerr, false);
	if (result == NULL)
		PG_RETURN_TEXT_P(input);
	PG_RETURN_TEXT_P(result);
}
