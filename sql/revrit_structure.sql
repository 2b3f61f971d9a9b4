--
-- revrit_structure: title structure as catalogues write it: ISBD parts,
-- non-filing markers, initials, abbreviations, brackets, Hebrew-calendar
-- years and ordinals, the geresh/gershayim and hyphen styles, and the
-- diagnostics of revrit_analyze.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;

-- ISBD parts: main : subtitle / responsibility ; further responsibility
-- = parallel title, each separator kept in place
SELECT revrit('Ḳovets maʼamarim : ʻiyunim ba-sifrut ha-ʻIvrit / ʻorekh A. B. Yehoshuʻa ; tirgem M. Ḳlozner');
SELECT revrit('Shirim ḥadashim : mivḥar = Pinḳas ha-ḳehilah');
SELECT p->>'role' AS role, p->>'text' AS text, p->>'hebrew' AS hebrew
  FROM jsonb_array_elements(revrit_analyze(
	'Sefer ha-ḥinukh : ʻim ḥidushim / ʻorekh A. B. Yehoshuʻa ; tirgem M. Ḳlozner = The book of education'
	)->'parts') AS p;

-- non-filing markers stay around the converted article
SELECT r AS romanized, revrit(r) AS hebrew
  FROM (VALUES ('{ha-}Sefer ha-ḥinukh'),
			   ('<<ha->>Sefer ha-ḥinukh'),
			   ('{ha-}Ḳibuts ha-artsi'),
			   ('<<ha->>ʻOlam ha-ba'),
			   ('{he-}ʻArim'),
			   ('ha-@Sefer ha-ḥinukh'),
			   ('<<ha->>Shirah ha-ʻIvrit : mivḥar / ʻorekh A. B. Yehoshuʻa'),
			   ('<<The>> book of education')) AS t(r);

-- initials
SELECT r AS romanized, revrit(r) AS hebrew
  FROM (VALUES ('A. B.'),
			   ('Sipurim / A. B. Yehoshuʻa'),
			   ('Sh. Y. ʻAgnon'),
			   ('Shirim / Sh. Shalom'),
			   ('Heʻarot me-et M. Y.')) AS t(r);

-- abbreviations get a geresh
SELECT r AS romanized, revrit(r) AS hebrew
  FROM (VALUES ('Mahad. 2'),
			   ('Mahad. 3, metuḳenet u-murḥevet'),
			   ('Sefer ha-ḥinukh. Mahad. 2, metuḳenet')) AS t(r);

-- brackets, parentheses, digits and punctuation in place
SELECT r AS romanized, revrit(r) AS hebrew
  FROM (VALUES ('[Tel Aviv]'),
			   ('[Tel Aviv] : [ʻAm ʻoved]'),
			   ('Yerushalayim : [Mosad Byaliḳ], 1955'),
			   ('[Yerushalayim?]'),
			   ('Sipurim [u-maʼamarim]'),
			   ('Shirim (mivḥar)'),
			   ('Ḳovets maʼamarim [ḥeleḳ 2]'),
			   ('Shirim : mivḥar. [Ḥeleḳ] 2')) AS t(r);

-- Hebrew-calendar years beside a Gregorian one are written in letters;
-- alone they stay digits, and so do Gregorian years
SELECT r AS romanized, revrit(r) AS hebrew
  FROM (VALUES ('Tel Aviv : Dvir, 708 [1948]'),
			   ('Tel Aviv : Dvir, 5708 [1948]'),
			   ('Yerushalayim, 5715 (1955)'),
			   ('Tel Aviv, 708 = 1948'),
			   ('Ṿarshah, 660 [1900]'),
			   ('Ṿilna, 635 [1875]'),
			   ('Yerushalayim : Mosad Byaliḳ, 711-712 = 1951-1952'),
			   ('Tel Aviv : Dvir, 711-712 [1951-1952]'),
			   ('Sefer ha-shanah : 709-710 [1949-1950]'),
			   ('Tel Aviv : Dvir, 708'),
			   ('Tel Aviv : Dvir, 5708'),
			   ('Tel Aviv : ʻAm ʻoved, 1950')) AS t(r);

-- a number after a prefix is an ordinal in Hebrew letters (15 = ט״ו,
-- 16 = ט״ז); without a prefix it stays digits
SELECT r AS romanized, revrit(r) AS hebrew
  FROM (VALUES ('ha-ḳongres ha-16'),
			   ('ha-Ḳongres ha-Tsiyoni ha-22'),
			   ('ha-meʼah ha-19'),
			   ('ha-meʼah ha-15'),
			   ('ha-meʼah ha-20'),
			   ('ha-ḳongres ha-5'),
			   ('Ḥeleḳ 1'),
			   ('kerekh 2')) AS t(r);

-- revrit.years = keep: the digits stay; ordinals are no years
SET revrit.years = 'keep';
SELECT r AS romanized, revrit(r) AS hebrew
  FROM (VALUES ('Tel Aviv : Dvir, 708 [1948]'),
			   ('Tel Aviv : Dvir, 5708 [1948]'),
			   ('Yerushalayim : Mosad Byaliḳ, 711-712 = 1951-1952'),
			   ('ha-ḳongres ha-16')) AS t(r);
RESET revrit.years;

-- revrit.marks = ascii: " and ' for gershayim and geresh
SET revrit.marks = 'ascii';
SELECT r AS romanized, revrit(r) AS hebrew
  FROM (VALUES ('Tel Aviv : Dvir, 708 [1948]'),
			   ('Yerushalayim : Mosad Byaliḳ, 711-712 = 1951-1952'),
			   ('ha-ḳongres ha-16'),
			   ('ha-ḳongres ha-5'),
			   ('Mahad. 2')) AS t(r);
RESET revrit.marks;
SHOW revrit.marks;
SHOW revrit.years;

-- the hyphen inside a compound: maqaf by default, ASCII on request; the
-- hyphen of a year range is not a compound's
SELECT revrit('Tel Aviv-Yafo : Hotsaʼat Universiṭat Bar-Ilan, 711-712 [1951-1952]');
SELECT revrit('Tel Aviv-Yafo : Hotsaʼat Universiṭat Bar-Ilan, 711-712 [1951-1952]', hyphen => 'ascii');
SELECT revrit('Tel Aviv-Yafo', standard => 'israeli', hyphen => 'ascii');

-- ---- revrit_analyze: per-part diagnostics and the recommendation ----------
CREATE FUNCTION pg_temp.diag(t text)
RETURNS TABLE (role text, standard text, foreign_tokens bool,
			   transliteration_tokens bool, fully_converted bool,
			   all_recognized bool, fit_for_display bool, fit_for_search bool)
LANGUAGE sql AS $$
	SELECT p->>'role', p->>'standard',
		   (p->>'foreign_tokens')::bool, (p->>'transliteration_tokens')::bool,
		   (p->>'fully_converted')::bool, (p->>'all_recognized')::bool,
		   (p->>'fit_for_display')::bool, (p->>'fit_for_search')::bool
	  FROM jsonb_array_elements(revrit_analyze(t)->'parts') AS p
$$;

-- one title: an old-DIN title and subtitle, a responsibility with German
-- words, a German parallel title left as it is
CREATE TEMP TABLE a AS
SELECT revrit_analyze('Tôledôt hay-Yehûdîm bi-Germanyā : meḥqārîm / hrsg. von Yitsḥaḳ Ben-Tsevi = Geschichte der Juden in Deutschland') AS j;
SELECT j->>'hebrew' AS hebrew FROM a;
SELECT * FROM pg_temp.diag('Tôledôt hay-Yehûdîm bi-Germanyā : meḥqārîm / hrsg. von Yitsḥaḳ Ben-Tsevi = Geschichte der Juden in Deutschland')
 WHERE role <> 'parallel';
-- the parallel title is kept as it is: fit for neither, and needing neither
SELECT p->>'role' AS role, p->>'standard' AS standard,
	   p->>'hebrew' = p->>'text' AS kept,
	   p->>'fit_for_display' AS fit_for_display,
	   p->>'fit_for_search' AS fit_for_search
  FROM a, jsonb_array_elements(j->'parts') AS p
 WHERE p->>'role' = 'parallel';
-- per word: the German words are foreign and not converted
SELECT p->>'role' AS role, w->>'romanized' AS romanized, w->>'hebrew' AS hebrew,
	   w->>'converted' AS converted, w->>'foreign' AS foreign,
	   w->>'in_lexicon' AS in_lexicon,
	   jsonb_array_length(w->'alternatives') AS alternatives
  FROM a, jsonb_array_elements(j->'parts') AS p,
	   jsonb_array_elements(p->'words') AS w;
SELECT j->'recommendation'->>'use' AS use,
	   j->'recommendation'->'display' AS display,
	   j->'recommendation'->'search_only' AS search_only,
	   j->'recommendation'->'unfit' AS unfit
  FROM a;

-- the recommendation: display, search, none
CREATE FUNCTION pg_temp.rec(t text)
RETURNS TABLE (use text, display jsonb, search_only jsonb, unfit jsonb)
LANGUAGE sql AS $$
	SELECT j->'recommendation'->>'use', j->'recommendation'->'display',
		   j->'recommendation'->'search_only', j->'recommendation'->'unfit'
	  FROM (SELECT revrit_analyze(t) AS j) AS s
$$;
-- every part recognized and known to the lexicon
SELECT * FROM pg_temp.diag('Ḳovets maʼamarim : ʻiyunim ba-sifrut ha-ʻIvrit');
SELECT * FROM pg_temp.rec('Ḳovets maʼamarim : ʻiyunim ba-sifrut ha-ʻIvrit');
-- a name the lexicon does not know: that part is for search only
SELECT * FROM pg_temp.diag('Ḳovets maʼamarim / Ḳvasnovsḳi');
SELECT * FROM pg_temp.rec('Ḳovets maʼamarim / Ḳvasnovsḳi');
-- no marker of any standard: converted, but for search only
SELECT * FROM pg_temp.diag('Toldot ha-Yehudim be-Polin');
SELECT * FROM pg_temp.rec('Toldot ha-Yehudim be-Polin');
-- a main title that is not romanized Hebrew: nothing to use
SELECT role, standard, fit_for_display, fit_for_search
  FROM pg_temp.diag('The history of the Jews in Poland');
SELECT * FROM pg_temp.rec('The history of the Jews in Poland');
