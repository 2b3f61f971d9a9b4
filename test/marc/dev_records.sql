-- dev_records.sql — MARC records rebuilt from the development pairs, and
-- the check that each 880 revrit_marc adds holds what revrit() makes of
-- the field's text.  Run by test/marc/dev_check.sh (psql -v tsv=FILE).
--
-- Every pair becomes one field, of the tag its kind is catalogued in, its
-- text cut into subfields at the ISBD separators the way cataloguers cut
-- it (245 $a : $b / $c, 264 $a : $b, $c, 490 $a ; $v); the pairs of one
-- source make records of up to six fields with 008/35-37 = heb, so a
-- record has several links to number.  Nothing is kept: the records exist
-- for the length of the run.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;

CREATE TEMP TABLE pairs (n serial, source text, kind text, romanized text, hebrew text);
-- (\copy takes its line as written: build it with the file name first)
\set load '\\copy pairs (source, kind, romanized, hebrew) FROM ' :'tsv' ' WITH (FORMAT csv, DELIMITER E''\\t'', QUOTE E''\\x01'', HEADER)'
:load

-- the text cut at separators: each piece ends with its separator, as in MARC
CREATE FUNCTION pg_temp.cut(t text, seps text[], codes text[]) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
    out jsonb := '[]';
    code text := codes[1];
    pos int;
    best int;
    k int;
BEGIN
    LOOP
        best := NULL;
        FOR i IN 1 .. cardinality(seps) LOOP
            pos := strpos(t, seps[i]);
            IF pos > 0 AND (best IS NULL OR pos < best) THEN
                best := pos; k := i;
            END IF;
        END LOOP;
        EXIT WHEN best IS NULL;
        out := out || jsonb_build_array(jsonb_build_object(code,
                   left(t, best - 1 + length(rtrim(seps[k])))));
        t := substr(t, best + length(seps[k]));
        code := codes[k + 1];
    END LOOP;
    RETURN out || jsonb_build_array(jsonb_build_object(code, t));
END $$;

-- revrit() of a field's text, of the field's kind when revrit() takes one
-- (the kind revrit_marc passes for the tag: name, title or imprint)
CREATE FUNCTION pg_temp.revrit_field(t text, tag text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    r text;
BEGIN
    IF EXISTS (SELECT FROM pg_proc WHERE proname = 'revrit' AND 'kind' = ANY (proargnames)) THEN
        EXECUTE 'SELECT revrit($1, kind => $2)' INTO r
          USING t, CASE WHEN tag IN ('100', '700') THEN 'name'
                        WHEN tag IN ('260', '264') THEN 'imprint' ELSE 'title' END;
    ELSE
        r := revrit(t);
    END IF;
    RETURN r;
END $$;

CREATE TEMP TABLE fields AS
SELECT n, source, romanized,
       (row_number() OVER (PARTITION BY source ORDER BY n) - 1) / 6 AS chunk,
       CASE kind WHEN 'title' THEN '245' WHEN 'publisher' THEN '264'
                 WHEN 'series' THEN '490' WHEN 'name' THEN '700'
                 WHEN 'other' THEN '730' ELSE '246' END AS tag,
       CASE kind WHEN 'title' THEN pg_temp.cut(romanized, '{" : "," / "}', '{a,b,c}')
                 WHEN 'publisher' THEN pg_temp.cut(romanized, '{" : "}', '{a,b}')
                 WHEN 'series' THEN pg_temp.cut(romanized, '{" ; "}', '{a,v}')
                 ELSE jsonb_build_array(jsonb_build_object('a', romanized)) END AS subfields
  FROM pairs;

-- the cut pieces joined with spaces are the pair's text again
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE (SELECT string_agg(v, ' ' ORDER BY o)
                                 FROM jsonb_array_elements(subfields) WITH ORDINALITY AS e(s, o),
                                      jsonb_each_text(e.s) AS x(k, v)) = romanized) AS rebuilt
  FROM fields;

CREATE TEMP TABLE records AS
SELECT source, chunk, array_agg(n ORDER BY n) AS pair_ns,
       jsonb_build_object('leader', '00000cam a2200000 i 4500',
         'fields', jsonb_build_array(jsonb_build_object('008', '000000s1990    is            000 0 heb d'))
                   || jsonb_agg(jsonb_build_object(tag, jsonb_build_object(
                        'ind1', '0', 'ind2', '0', 'subfields', subfields)) ORDER BY n)) AS r
  FROM fields GROUP BY source, chunk;

CREATE TEMP TABLE converted AS SELECT source, chunk, r, revrit_marc(r) AS c FROM records;

-- each added 880 beside the pair it was made from: the linked field is the
-- k-th field of the record, and the 880's text is its subfields but $6
CREATE TEMP TABLE links AS
SELECT f.romanized, f.tag,
       (SELECT string_agg(v, ' ' ORDER BY o)
          FROM jsonb_array_elements(e880.f->'880'->'subfields') WITH ORDINALITY AS s(sf, o),
               jsonb_each_text(s.sf) AS x(k, v) WHERE k <> '6') AS text_880,
       ef.f->(f.tag)->'subfields'->0->>'6' AS link_field
  FROM converted c
  JOIN LATERAL unnest((SELECT pair_ns FROM records r WHERE r.source = c.source AND r.chunk = c.chunk))
       WITH ORDINALITY AS p(n, k) ON true
  JOIN fields f ON f.n = p.n
  JOIN LATERAL jsonb_array_elements(c.c->'fields') WITH ORDINALITY AS ef(f, i) ON ef.i = p.k + 1
  JOIN LATERAL jsonb_array_elements(c.c->'fields') AS e880(f)
       ON e880.f ? '880' AND e880.f->'880'->'subfields'->0->>'6' =
          f.tag || '-' || substr(ef.f->(f.tag)->'subfields'->0->>'6', 5) || '/(2/r';

SELECT (SELECT count(*) FROM records) AS records,
       (SELECT count(*) FROM fields) AS fields,
       count(*) AS added_880,
       count(*) FILTER (WHERE text_880 = pg_temp.revrit_field(romanized, tag)) AS equal_to_revrit
  FROM links;

-- fields that got no 880, and why (text already Hebrew, nothing to convert)
SELECT s->>'reason' AS reason, count(*)
  FROM records, jsonb_array_elements(revrit_marc_report(r)->'skipped') s
 GROUP BY 1 ORDER BY 1;

-- what differs, if anything
SELECT tag, romanized, text_880, pg_temp.revrit_field(romanized, tag) AS revrit
  FROM links WHERE text_880 IS DISTINCT FROM pg_temp.revrit_field(romanized, tag);

-- idempotence on all of them
SELECT count(*) FILTER (WHERE revrit_marc(c) = c) AS idempotent, count(*) AS records
  FROM converted;

-- the result line the runner counts
SELECT format('%s passed, %s failed',
              count(*) FILTER (WHERE text_880 = pg_temp.revrit_field(romanized, tag)),
              count(*) FILTER (WHERE text_880 IS DISTINCT FROM pg_temp.revrit_field(romanized, tag))
              + (SELECT count(*) FILTER (WHERE revrit_marc(c) <> c) FROM converted)) AS result
  FROM links;
