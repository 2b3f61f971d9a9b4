--
-- Field kinds (name headings, imprints, titles), the word lists of given
-- names, surnames and places, the surname rules, foreign words in names and
-- imprints, and the Israeli place-name romanization without naming it.
-- Invented or general examples only (no development pairs).
--
CREATE EXTENSION IF NOT EXISTS revrit;
SET client_min_messages = warning;

-- auto recognises the kind from the shape of the field
SELECT t AS text, revrit_analyze(t)->>'kind' AS kind
  FROM (VALUES ('Rabinowitz, Solomon, 1880-1950'),
			   ('Weinberg, Jakob'),
			   ('Schenker, Abram, d. 1902'),
			   ('Warszawa : Tushiyah, 1898'),
			   ('Berlin, 1923'),
			   ('[Tel Aviv] : ʻAm ʻoved, c2001'),
			   ('Sefer ha-ḥinukh'),
			   ('Sefer ha-ḥinukh, ḥeleḳ 1'),
			   ('Toldot ha-Yehudim : meḥḳarim / Yosef Klozner'),
			   ('Jacob')) AS v(t);

-- the kind may be given; a surname reads differently as a name
SELECT k AS kind, revrit('Schwarzbart', kind => k) AS hebrew
  FROM unnest(ARRAY['title', 'name', 'imprint', 'auto']) AS k;
SELECT revrit_analyze('Berlin, 1923', kind => 'title')->>'kind' AS kind;

-- given names: English, German, Yiddish, Polish and Russian forms
SELECT g AS romanized, revrit(g, kind => 'name') AS hebrew
  FROM unnest(ARRAY['Abraham', 'Avraham', 'Abram', 'Solomon', 'Salomon',
					'Shlomo', 'Jacob', 'Jakob', 'Yaakov', 'Hirsch', 'Zwi',
					'Tsevi', 'Wolf', 'Moses', 'Mojżesz', 'Chaim', 'Hayyim',
					'Yoʼav', 'Yo''av', 'Rivka', 'Rywka', 'Iosif']) AS g;

-- a name with two readings: the usual one first, the other as candidate
SELECT rank, hebrew, in_lexicon
  FROM revrit_candidates('Wolf', 3, kind => 'name') WHERE rank <= 2;

-- surname spellings: sch/sz, cz, w, ei, -ski, -witz, -berg, -stein, -baum,
-- -ov, German z and st; initials stay initials with their period
SELECT h AS heading, revrit(h) AS hebrew
  FROM (VALUES ('Schenker, Abram'),
			   ('Szpilman, Salomon'),
			   ('Czerniak, Hirsch'),
			   ('Wasserman, Wolf'),
			   ('Kleinbaum, Zwi'),
			   ('Lewandowski, Jacob'),
			   ('Berkowitz, Avraham'),
			   ('Grinberg, Shlomo'),
			   ('Finkelstein, M.'),
			   ('Smolenskov, Isaak'),
			   ('Teitelbaum, Mendel'),
			   ('Dubnow, Simon'),
			   ('Cohen, Moshe'),
			   ('Katz, Dov, 1900-1970')) AS v(h);

-- an ALA-LC heading keeps ALA-LC (its diacritics say so), given names too
SELECT revrit('Ḳlozner, Yosef') AS hebrew,
	   revrit_analyze('Ḳlozner, Yosef')->'parts'->0->>'standard' AS standard;

-- imprints: places from the gazetteer, publishers' English and German
-- words stay Latin and are reported foreign
SELECT i AS imprint, revrit(i) AS hebrew
  FROM (VALUES ('Warszawa : Ḥovevei ha-sifrut, 1898'),
			   ('Vilna : Rom, 1880'),
			   ('Wien : Verlag Menorah, 1925'),
			   ('Jerusalem : Magnes Press, 1950'),
			   ('New York : Sifrut, 1946')) AS v(i);
SELECT w->>'romanized' AS romanized, w->>'hebrew' AS hebrew,
	   w->>'foreign' AS foreign
  FROM jsonb_array_elements(revrit_analyze('Jerusalem : Magnes Press, 1950')->'parts') AS p,
	   jsonb_array_elements(p->'words') AS w;
-- a field with a word left in Latin is never recommended for display
SELECT revrit_analyze('Jerusalem : Magnes Press, 1950')->'recommendation'->>'use' AS use;

-- the Israeli place-name romanization is recognised without naming it
-- (standard "unknown" where ALA-LC rules read the same Hebrew)
SELECT p AS place, revrit(p) AS hebrew,
	   revrit_analyze(p)->'parts'->0->>'standard' AS standard
  FROM unnest(ARRAY['Qiryat Shemona', 'Ma''ale Adummim', 'Nahal Oz',
					'Giv''at Shemu''el', 'Sede Boqer', 'Be''er Tuviyya',
					'Qarne Hittin', 'Pene Moshe']) AS p;
-- ALA-LC written without its diacritics stays ALA-LC
SELECT revrit_analyze('Toldot ha-Yehudim be-Polin')->'parts'->0->>'standard' AS standard;

-- the revrit.kind setting is used when kind is ''
SET revrit.kind = 'name';
SELECT revrit('Salomon') AS hebrew, revrit_analyze('Salomon')->>'kind' AS kind;
RESET revrit.kind;
SELECT revrit_analyze('Salomon')->>'kind' AS kind;

-- errors
SELECT revrit('Jacob', kind => 'person');
SET revrit.kind = 'person';

-- word lists ride along with the rule files but are no standard
SELECT s FROM jsonb_array_elements_text(revrit_info()->'standards') AS s ORDER BY s;
SELECT revrit('Jacob', standard => 'given-names');
