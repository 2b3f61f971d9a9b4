-- sample/marc_sample.sql — two small bibliographic tables shaped like the
-- ones two open-source library systems keep in PostgreSQL, for trying
-- revrit_marc and revrit_marcxml (docs/marc.md) and for the regression
-- test marc_bulk:
--
--   marc_sample_folio      (id uuid, content jsonb)   MARC-in-JSON, as in
--                          FOLIO's source-record storage (marc_records_lb)
--   marc_sample_evergreen  (id bigint, marc text)     MARCXML, as in
--                          Evergreen's biblio.record_entry
--
-- Both hold the same eight records, made up for this sample: six Hebrew
-- books (one already with an 880 for its title), an English and a German
-- one.  psql -f sample/marc_sample.sql (after CREATE EXTENSION revrit).

SET client_min_messages = warning;
DROP TABLE IF EXISTS marc_sample_folio, marc_sample_evergreen;
RESET client_min_messages;

CREATE TABLE marc_sample_folio (id uuid PRIMARY KEY, content jsonb NOT NULL);

INSERT INTO marc_sample_folio
SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid,
       jsonb_build_object(
         'leader', '00000cam a2200000 i 4500',
         'fields', jsonb_build_array(
             jsonb_build_object('001', 'sample' || n),
             jsonb_build_object('008', '200101s' || year || '    is            000 0 ' || lang || ' d'))
           || CASE WHEN author IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(
                jsonb_build_object('100', jsonb_build_object('ind1', '1', 'ind2', ' ',
                  'subfields', jsonb_build_array(jsonb_build_object('a', author),
                                                 jsonb_build_object('e', 'author.'))))) END
           || jsonb_build_array(
                jsonb_build_object('245', jsonb_build_object('ind1', '1', 'ind2', nonfiling,
                  'subfields', CASE WHEN linked THEN '[{"6": "880-01"}]'::jsonb ELSE '[]' END || title)),
                jsonb_build_object('264', jsonb_build_object('ind1', ' ', 'ind2', '1',
                  'subfields', jsonb_build_array(jsonb_build_object('a', place || ' :'),
                                                 jsonb_build_object('b', publisher || ','),
                                                 jsonb_build_object('c', year || '.')))))
           || CASE WHEN linked THEN jsonb_build_array(
                jsonb_build_object('880', jsonb_build_object('ind1', '1', 'ind2', '0',
                  'subfields', '[{"6": "245-01/(2/r"}, {"a": "בין הערים."}]'::jsonb))) ELSE '[]' END)
  FROM (VALUES
    (1, 'heb', 'Levi, Yosef', '[{"a": "ha-Bayit ha-yashan :"}, {"b": "sipurim /"}, {"c": "Yosef Levi."}]'::jsonb, '3', 'Yerushalayim', 'Hotsaʼat Karmel', 1990, false),
    (2, 'heb', 'Kohen, Sarah', '[{"a": "Shirim mi-ḥuts la-ʻir /"}, {"c": "Sarah Kohen."}]', '0', 'Tel Aviv', 'ʻAm ʻoved', 1985, false),
    (3, 'heb', NULL, '[{"a": "Sefer ha-tefilot ha-ḳatan."}]', '0', 'Bene Beraḳ', 'Mosad ha-Rav', 1979, false),
    (4, 'heb', 'Shapira, Daniyel', '[{"a": "Ben he-ʻarim."}]', '0', 'Ḥefah', 'Pardes', 2001, true),
    (5, 'arc', NULL, '[{"a": "Targum Onḳelos ʻal ha-Torah."}]', '0', 'Yerushalayim', 'Mekhon ha-Targum', 1995, false),
    (6, 'heb', 'Mizraḥi, Ruti', '[{"a": "Yom ḥadash :"}, {"b": "roman /"}, {"c": "Ruti Mizraḥi."}]', '0', 'Tel Aviv', 'Yedioth Ahronoth', 2010, false),
    (7, 'eng', 'Green, Anne', '[{"a": "The old house /"}, {"c": "Anne Green."}]', '4', 'New York', 'Harper', 1999, false),
    (8, 'ger', 'Weber, Hans', '[{"a": "Das alte Haus /"}, {"c": "Hans Weber."}]', '4', 'Berlin', 'Suhrkamp', 2003, false)
  ) AS r(n, lang, author, title, nonfiling, place, publisher, year, linked);

-- The same records as MARCXML.
CREATE TABLE marc_sample_evergreen (id bigint PRIMARY KEY, marc text NOT NULL);

INSERT INTO marc_sample_evergreen
SELECT row_number() OVER (ORDER BY id),
       xmlelement(name record, xmlattributes('http://www.loc.gov/MARC21/slim' AS xmlns),
         xmlelement(name leader, content->>'leader'),
         (SELECT xmlagg(CASE WHEN jsonb_typeof(f.value) = 'string'
                   THEN xmlelement(name controlfield, xmlattributes(f.key AS tag), f.value #>> '{}')
                   ELSE xmlelement(name datafield,
                          xmlattributes(f.key AS tag, f.value->>'ind1' AS ind1, f.value->>'ind2' AS ind2),
                          (SELECT xmlagg(xmlelement(name subfield, xmlattributes(s.key AS code), s.value #>> '{}') ORDER BY e.i)
                             FROM jsonb_array_elements(f.value->'subfields') WITH ORDINALITY AS e(sf, i),
                                  jsonb_each(e.sf) AS s)) END ORDER BY x.n)
            FROM jsonb_array_elements(content->'fields') WITH ORDINALITY AS x(fld, n),
                 jsonb_each(x.fld) AS f))::text
  FROM marc_sample_folio;
