--
-- revrit_marcxml on MARCXML records and collections (libxml2).
-- The records are made up for these tests.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;

-- Hebrew letters masked, as in marc_json: the layout is what is tested here.
CREATE FUNCTION pg_temp.masked(t text) RETURNS text
LANGUAGE sql AS $$ SELECT regexp_replace(t, '[א-ת״׳־]+', '‹h›', 'g') $$;

CREATE TEMP TABLE x (id int PRIMARY KEY, doc text);
INSERT INTO x VALUES
-- a collection in the MARC 21 slim namespace, with a declaration and layout
(1, '<?xml version="1.0" encoding="UTF-8"?>
<collection xmlns="http://www.loc.gov/MARC21/slim">
  <record>
    <leader>00000cam a2200000 i 4500</leader>
    <controlfield tag="001">rv0001</controlfield>
    <controlfield tag="008">200101s1990    is            000 1 heb d</controlfield>
    <datafield tag="100" ind1="1" ind2=" ">
      <subfield code="a">Levi, Yosef,</subfield>
      <subfield code="e">author.</subfield>
    </datafield>
    <datafield tag="245" ind1="1" ind2="3">
      <subfield code="a">ha-Bayit ha-yashan :</subfield>
      <subfield code="b">sipurim &amp; shirim /</subfield>
      <subfield code="c">Yosef Levi.</subfield>
    </datafield>
    <datafield tag="999" ind1=" " ind2=" ">
      <subfield code="a">local</subfield>
    </datafield>
  </record>
  <record>
    <controlfield tag="008">200101s1990    nyu           000 1 eng d</controlfield>
    <datafield tag="245" ind1="1" ind2="0"><subfield code="a">Old houses.</subfield></datafield>
  </record>
</collection>
'),
-- one record, namespace prefix, no declaration; 245 is linked already
(2, '<marc:record xmlns:marc="http://www.loc.gov/MARC21/slim"><marc:controlfield tag="008">200101s1990    is            000 1 heb d</marc:controlfield><marc:datafield tag="245" ind1="0" ind2="0"><marc:subfield code="6">880-07</marc:subfield><marc:subfield code="a">Yamim tovim.</marc:subfield></marc:datafield><marc:datafield tag="264" ind1=" " ind2="1"><marc:subfield code="a">Yerushalayim :</marc:subfield><marc:subfield code="b">Hotsaʼat Karmel,</marc:subfield><marc:subfield code="c">1990.</marc:subfield></marc:datafield><marc:datafield tag="880" ind1="0" ind2="0"><marc:subfield code="6">245-07/(2/r</marc:subfield><marc:subfield code="a">ימים טובים.</marc:subfield></marc:datafield></marc:record>'),
-- an English record alone: returned exactly as given
(3, '<record><controlfield tag="008">200101s1990    nyu           000 1 eng d</controlfield><datafield tag="245" ind1="0" ind2="0"><subfield code="a">Old houses.</subfield></datafield></record>');

-- the collection: 100 and 245 of the first record get 880s, laid out like
-- the fields they are linked to; &amp; stays escaped; the second record is
-- English and left alone
SELECT pg_temp.masked(revrit_marcxml(doc)) FROM x WHERE id = 1;

-- the new 264 link is 880-08, after the record's 880-07; the 880 goes after
-- the existing one, in the record's namespace prefix
SELECT pg_temp.masked(revrit_marcxml(doc)) FROM x WHERE id = 2;

-- unchanged input comes back byte for byte; a second run adds nothing
SELECT id, revrit_marcxml(doc) = doc AS unchanged,
       revrit_marcxml(revrit_marcxml(doc)) = revrit_marcxml(doc) AS idempotent
  FROM x ORDER BY id;

-- MARCXML and MARC-in-JSON get the same 880 text
SELECT (xpath('//m:datafield[@tag="880"]/m:subfield[@code="a"]/text()',
              revrit_marcxml(doc)::xml,
              '{{m,http://www.loc.gov/MARC21/slim}}'))[2]::text =
       (revrit_marc('{"fields": [{"008": "200101s1990    is            000 1 heb d"},
          {"245": {"ind1": "1", "ind2": "3", "subfields": [{"a": "ha-Bayit ha-yashan :"},
           {"b": "sipurim & shirim /"}, {"c": "Yosef Levi."}]}}]}')
         ->'fields'->2->'880'->'subfields'->1->>'a') AS same_as_json
  FROM x WHERE id = 1;

-- fields => and NULL
SELECT pg_temp.masked(revrit_marcxml(doc, fields => '{100}')) FROM x WHERE id = 2;
SELECT revrit_marcxml(NULL) IS NULL AS null_in;

-- malformed input: clear errors (2200N invalid XML, 22P02 not MARC)
\set VERBOSITY sqlstate
SELECT revrit_marcxml('');
SELECT revrit_marcxml('<record><datafield tag="245"></record>');
SELECT revrit_marcxml('<record>&undefined;</record>');
SELECT revrit_marcxml('plain text');
\set VERBOSITY default
-- no DTD: no entity expansion ("billion laughs"), no external entities
SELECT revrit_marcxml('<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><record>&c;</record>');
SELECT revrit_marcxml('<!DOCTYPE record [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><record><datafield tag="245" ind1="0" ind2="0"><subfield code="a">&xxe;</subfield></datafield></record>');
SELECT revrit_marcxml('<!DOCTYPE record SYSTEM "http://example.org/marc.dtd"><record/>');
SELECT revrit_marcxml('<html><body/></html>');
SELECT revrit_marcxml('<record><datafield tag="2450"/></record>');
SELECT revrit_marcxml('<collection><record/><record><datafield tag="245" ind1="10"/></record></collection>');
SELECT revrit_marcxml('<record><datafield tag="245"><subfield code="ab">x</subfield></datafield></record>');
