--
-- revrit_marc / revrit_marc_report on MARC-in-JSON: linked 880 fields.
-- The records are made up for these tests.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;

-- One line per field, as cataloguers read MARC: tag, indicators, $code value.
-- masked => each run of Hebrew letters shows as ‹h›: the structure is what
-- these lines test, and the exact spelling of names is the ranking's
-- business (the 880's text is compared with revrit() below instead).
CREATE FUNCTION pg_temp.marc_lines(r jsonb, masked boolean DEFAULT false) RETURNS SETOF text
LANGUAGE sql AS $$
  SELECT CASE WHEN masked THEN regexp_replace(l, '[א-ת״׳־]+', '‹h›', 'g') ELSE l END FROM (
  SELECT CASE WHEN jsonb_typeof(f.value) = 'string' THEN f.key || ' ' || (f.value #>> '{}')
         ELSE f.key || ' ' || replace(f.value->>'ind1', ' ', '_') || replace(f.value->>'ind2', ' ', '_') || ' ' ||
              (SELECT string_agg('$' || s.key || ' ' || (s.value #>> '{}'), ' ' ORDER BY e.n)
                 FROM jsonb_array_elements(f.value->'subfields') WITH ORDINALITY AS e(sf, n),
                      jsonb_each(e.sf) AS s)
         END
    FROM jsonb_array_elements(r->'fields') WITH ORDINALITY AS x(fld, n),
         jsonb_each(x.fld) AS f
   ORDER BY x.n) AS lines(l)
$$;

CREATE TEMP TABLE rec (id int PRIMARY KEY, r jsonb);
INSERT INTO rec VALUES
-- a Hebrew book: 008/35-37 = heb
(1, '{"leader": "00000cam a2200000 i 4500", "fields": [
  {"001": "rv0001"},
  {"008": "200101s1990    is            000 1 heb d"},
  {"100": {"ind1": "1", "ind2": " ", "subfields": [{"a": "Levi, Yosef,"}, {"e": "author."}, {"0": "http://id.loc.gov/authorities/names/n00000001"}]}},
  {"245": {"ind1": "1", "ind2": "3", "subfields": [{"a": "ha-Bayit ha-yashan :"}, {"b": "sipurim /"}, {"c": "Yosef Levi."}]}},
  {"264": {"ind1": " ", "ind2": "1", "subfields": [{"a": "Yerushalayim :"}, {"b": "Hotsaʼat Karmel,"}, {"c": "1990."}]}},
  {"490": {"ind1": "0", "ind2": " ", "subfields": [{"a": "Sifriyat ha-bayit ;"}, {"v": "5"}]}},
  {"650": {"ind1": " ", "ind2": "0", "subfields": [{"a": "Families"}, {"v": "Fiction."}]}},
  {"700": {"ind1": "1", "ind2": " ", "subfields": [{"a": "Kohen, Sarah,"}, {"e": "translator."}]}},
  {"999": {"ind1": "f", "ind2": "f", "subfields": [{"i": "local"}]}}],
  "id": "kept-as-is"}'),
-- 245 already has its 880 (occurrence 03); 100 has none yet
(2, '{"leader": "00000cam a2200000 i 4500", "fields": [
  {"008": "200101s1990    is            000 1 heb d"},
  {"100": {"ind1": "1", "ind2": " ", "subfields": [{"a": "Shapira, Daniyel."}]}},
  {"245": {"ind1": "1", "ind2": "0", "subfields": [{"6": "880-03"}, {"a": "Shirim /"}, {"c": "Daniyel Shapira."}]}},
  {"880": {"ind1": "1", "ind2": "0", "subfields": [{"6": "245-03/(2/r"}, {"a": "שירים /"}, {"c": "דניאל שפירא."}]}}]}'),
-- an English book: nothing to do
(3, '{"leader": "00000cam a2200000 i 4500", "fields": [
  {"008": "200101s1990    nyu           000 1 eng d"},
  {"245": {"ind1": "1", "ind2": "0", "subfields": [{"a": "Old houses :"}, {"b": "stories."}]}}]}'),
-- Hebrew by 041 $a (a translation from English), 008 eng
(4, '{"leader": "00000cam a2200000 i 4500", "fields": [
  {"008": "200101s1990    is            000 1 eng d"},
  {"041": {"ind1": "1", "ind2": " ", "subfields": [{"a": "heb"}, {"h": "eng"}]}},
  {"245": {"ind1": "0", "ind2": "0", "subfields": [{"a": "Yamim tovim."}]}}]}'),
-- Aramaic; a title already in Hebrew script gets no 880
(5, '{"fields": [
  {"008": "200101s1990    is            000 1 arc d"},
  {"130": {"ind1": "0", "ind2": " ", "subfields": [{"a": "Talmud Bavli."}]}},
  {"245": {"ind1": "1", "ind2": "0", "subfields": [{"a": "תלמוד בבלי."}]}}]}');

-- Record 1: each heading, title, imprint and series field gets an 880;
-- the subject (650) and local (999) fields do not; the 880s go before 9XX.
SELECT pg_temp.marc_lines(revrit_marc(r), masked => true) FROM rec WHERE id = 1;

-- keys besides "fields" survive, and fields nobody touched are the same
SELECT revrit_marc(r)->>'id' AS id, revrit_marc(r)->>'leader' AS leader,
       revrit_marc(r)->'fields'->6 = r->'fields'->6 AS subject_same
  FROM rec WHERE id = 1;

-- each 880's text is what revrit() makes of the field's converted subfields
-- (with the field's kind, once revrit() takes one)
CREATE FUNCTION pg_temp.revrit_kind(t text, k text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    r text;
BEGIN
    IF EXISTS (SELECT FROM pg_proc WHERE proname = 'revrit' AND 'kind' = ANY (proargnames)) THEN
        EXECUTE 'SELECT revrit($1, kind => $2)' INTO r USING t, k;
    ELSE
        r := revrit(t);
    END IF;
    RETURN r;
END $$;
SELECT x.n, (SELECT string_agg(s.value #>> '{}', ' ' ORDER BY e.i)
               FROM jsonb_array_elements(x.f->'880'->'subfields') WITH ORDINALITY AS e(sf, i),
                    jsonb_each(e.sf) AS s
              WHERE s.key NOT IN ('6', 'e', '0')) = pg_temp.revrit_kind(t.txt, t.kind) AS same_as_revrit
  FROM rec,
       jsonb_array_elements(revrit_marc(r)->'fields') WITH ORDINALITY AS x(f, n),
       (VALUES ('100-01', 'Levi, Yosef,', 'name'),
               ('245-02', 'ha-Bayit ha-yashan : sipurim / Yosef Levi.', 'title'),
               ('264-03', 'Yerushalayim : Hotsaʼat Karmel, 1990.', 'imprint'),
               ('490-04', 'Sifriyat ha-bayit ; 5', 'title'),
               ('700-05', 'Kohen, Sarah,', 'name')) AS t(link, txt, kind)
 WHERE id = 1 AND x.f ? '880'
   AND x.f->'880'->'subfields'->0->>'6' LIKE t.link || '/%'
 ORDER BY x.n;

-- Record 2: the existing 880 and its link are untouched; 100 gets 880-04
SELECT pg_temp.marc_lines(revrit_marc(r), masked => true) FROM rec WHERE id = 2;

-- Record 3 (English) comes back unchanged; so does every record the second time
SELECT id, revrit_marc(r) = r AS unchanged,
       revrit_marc(revrit_marc(r)) = revrit_marc(r) AS idempotent
  FROM rec ORDER BY id;

-- Record 4: Hebrew by 041; record 5: Aramaic, and Hebrew script is left alone
SELECT id, pg_temp.marc_lines(revrit_marc(r)) FROM rec WHERE id IN (4, 5) ORDER BY id;

-- a Yiddish book gets Hebrew script too (008/35-37 = yid)
SELECT pg_temp.marc_lines(revrit_marc('{"fields": [
  {"008": "200101s1950    nyu           000 1 yid d"},
  {"245": {"ind1": "1", "ind2": "0", "subfields": [{"a": "Mayn shtetele :"}, {"b": "dertseylungen."}]}}]}'));

-- fields => restricts the tags
SELECT pg_temp.marc_lines(revrit_marc(r, fields => '{245,264}'), masked => true) FROM rec WHERE id = 1;

-- only_fit => adds only what the analysis finds fit for display
SELECT (SELECT count(*) FROM jsonb_array_elements(revrit_marc(r, only_fit => true)->'fields') f
         WHERE f ? '880') <=
       (SELECT count(*) FROM jsonb_array_elements(revrit_marc(r)->'fields') f
         WHERE f ? '880') AS fewer_or_same,
       (SELECT count(*) FROM jsonb_array_elements(revrit_marc(r, only_fit => true)->'fields') f
         WHERE f ? '880') =
       (SELECT count(*) FROM jsonb_array_elements(revrit_marc_report(r)->'added') a
         WHERE a->>'fitness' = 'display') AS as_reported
  FROM rec WHERE id = 1;

-- the report: added fields with their occurrence, skipped ones with why
SELECT a->>'field' AS field, a->>'tag' AS tag, a->>'kind' AS kind,
       a->>'occurrence' AS occ, a->>'fitness' IN ('display', 'search', 'none') AS has_fitness
  FROM rec, jsonb_array_elements(revrit_marc_report(r)->'added') a WHERE id = 1;
SELECT id, s->>'tag' AS tag, s->>'reason' AS reason
  FROM rec, jsonb_array_elements(revrit_marc_report(r)->'skipped') s
 WHERE id IN (2, 5) ORDER BY id, (s->>'field')::int;
SELECT revrit_marc_report(r) FROM rec WHERE id = 3;

-- NULL record → NULL; NULL fields → every tag
SELECT revrit_marc(NULL) IS NULL AS null_in,
       revrit_marc(r, fields => NULL) = revrit_marc(r) AS null_fields
  FROM rec WHERE id = 1;

-- malformed input: clear errors, SQLSTATE 22P02 / 22023
\set VERBOSITY sqlstate
SELECT revrit_marc('[1, 2]');
SELECT revrit_marc('{"fields": {}}');
\set VERBOSITY default
SELECT revrit_marc('"245"');
SELECT revrit_marc('{"leader": "x"}');
SELECT revrit_marc('{"fields": [{"24": "x"}]}');
SELECT revrit_marc('{"fields": [{"245": "x", "246": "y"}]}');
SELECT revrit_marc('{"fields": [{"245": {"ind1": "10", "subfields": []}}]}');
SELECT revrit_marc('{"fields": [{"245": {"ind1": "1"}}]}');
SELECT revrit_marc('{"fields": [{"245": {"subfields": [{"ab": "x"}]}}]}');
SELECT revrit_marc('{"fields": [{"245": {"subfields": [{"a": ["x"]}]}}]}');
SELECT revrit_marc('{"fields": [{"245": 1}]}');
SELECT revrit_marc(r, fields => '{500}') FROM rec WHERE id = 1;
SELECT revrit_marc(r, fields => ARRAY[NULL]) FROM rec WHERE id = 1;
SELECT revrit_marc_report('{"fields": null}');
