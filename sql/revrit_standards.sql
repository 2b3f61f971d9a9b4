--
-- revrit_standards: each romanization standard by name, automatic detection
-- of the standard per ISBD part, parts in another language passed through,
-- an explicit standard overriding detection, and an unknown standard.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;

-- DIN 31636:1982 ("old DIN"): q š ṣ ḵ w, â ê î ô û (vowel letter written),
-- ā ē ī ō ū (not written), ă ĕ ŏ, the article's doubled consonant
SELECT r AS romanized, revrit(r, standard => 'din1982') AS hebrew
  FROM (VALUES ('hag-Gālîl bi-yemê hab-bayit haš-šēnî'),
			   ('Tôledôt hay-Yehûdîm bi-Germanyā'),
			   ('Tôledôt ʿam Yiśrāʾēl'),
			   ('Šîrê ham-maʿălôt'),
			   ('Dôr ham-midbār'),
			   ('Sēfer hab-berît'),
			   ('ʿAl ham-Mišnā'),
			   ('Sifrût hā-ʾAggādā'),
			   ('Qôl ham-mešôrēr'),
			   ('Šîrat Yiśrāʾēl bi-Sfārad'),
			   ('Mišpāṭ ʿIḇrî'),
			   ('Bêt hak-keneset'),
			   ('Dereḵ ʾereṣ'),
			   ('Pêrûš ʿal hat-Tôrā'),
			   ('Sēfer Yeṣîrā'),
			   ('Qehillôt Yiśrāʾēl'),
			   ('ham-Miqdāš haš-šēnî'),
			   ('Siddûr ʿAm Yiśrāʾēl')) AS t(r);

-- Prussian Instructions: j for yod, ḳ, macrons whether or not a vowel letter
-- is written, haj-jāmīm
SELECT r AS romanized, revrit(r, standard => 'prussian') AS hebrew
  FROM (VALUES ('Tōledōt haj-Jehūdīm'),
			   ('Ḥajjē haj-Jehūdīm'),
			   ('Jerūšālajim'),
			   ('Ḥokmat Jiśrāʾēl'),
			   ('Tōrat Jiśrāʾēl'),
			   ('Bēt jiśrāʾēl'),
			   ('Dibrē ḥakāmīm'),
			   ('Sēfer haj-jōbēl'),
			   ('Šīrē haj-jām'),
			   ('Ḳōbeṣ maʾămārīm'),
			   ('Jōsēf ben Mattitjāhū'),
			   ('Ijjōb')) AS t(r);

-- Israeli official romanization of place names: q, w, z = ז/צ, kh, a dagesh
-- written by doubling, the article joined with a capital (HaSharon)
SELECT r AS romanized, revrit(r, standard => 'israeli') AS hebrew
  FROM (VALUES ('Ramat HaSharon'),
			   ('Migdal HaEmeq'),
			   ('Qiryat Shemona'),
			   ('Qiryat Ono'),
			   ('Petah Tiqwa'),
			   ('Newe Shalom'),
			   ('Ashqelon'),
			   ('Qazrin'),
			   ('Kefar Sava'),
			   ('Kefar Tavor'),
			   ('Giv''atayim'),
			   ('Giv''at Ze''ev'),
			   ('Ra''anana'),
			   ('Karmi''el'),
			   ('Mizpe Ramon'),
			   ('Zur Hadassa'),
			   ('Kinneret'),
			   ('Akko'),
			   ('Ganne Yehuda'),
			   ('Tirat Karmel'),
			   ('Rehovot')) AS t(r);

-- ALA-LC (= DIN 31636:2011): ḳ ṿ ʻ ʼ ḥ ṭ, kh, ts, sh
SELECT r AS romanized, revrit(r, standard => 'ala-lc') AS hebrew
  FROM (VALUES ('Toldot ha-Yehudim be-Polin'),
			   ('Toldot ha-sifrut ha-ʻIvrit'),
			   ('Sipurim u-maʼamarim'),
			   ('Ḳovets maʼamarim'),
			   ('Shirim ḥadashim'),
			   ('Mivḥar shirim'),
			   ('ha-Ḳibuts ha-meʼuḥad'),
			   ('Ḥayim Naḥman Byaliḳ'),
			   ('Divre ha-yamim'),
			   ('Yalḳuṭ Shimʻoni'),
			   ('Ḳitsur Shulḥan ʻarukh')) AS t(r);

-- ---- automatic detection, per ISBD part ------------------------------------
-- role, detected standard and Hebrew of each part of a text
CREATE FUNCTION pg_temp.parts(t text, std text DEFAULT '')
RETURNS TABLE (role text, standard text, hebrew text)
LANGUAGE sql AS $$
	SELECT p->>'role', p->>'standard', p->>'hebrew'
	  FROM jsonb_array_elements(revrit_analyze(t, 3, std)->'parts') AS p
$$;

-- each standard recognized by its letters, and the text converted with it
SELECT * FROM pg_temp.parts('hag-Gālîl bi-yemê hab-bayit haš-šēnî');
SELECT * FROM pg_temp.parts('Tōledōt haj-Jehūdīm bi-Jerūšālajim');
SELECT * FROM pg_temp.parts('Petah Tiqwa, Qiryat Ono we-Qiryat Gat');
SELECT * FROM pg_temp.parts('Ḳovets maʼamarim');
SELECT revrit(r) = revrit(r, standard => s) AS same_as_named
  FROM (VALUES ('hag-Gālîl bi-yemê hab-bayit haš-šēnî', 'din1982'),
			   ('Tōledōt haj-Jehūdīm bi-Jerūšālajim', 'prussian'),
			   ('Petah Tiqwa, Qiryat Ono we-Qiryat Gat', 'israeli'),
			   ('Ḳovets maʼamarim', 'ala-lc')) AS t(r, s);

-- one field, two standards: a title from a German catalogue (old DIN) with
-- a statement of responsibility from an LC authority record (ALA-LC)
SELECT * FROM pg_temp.parts('Tôledôt hay-Yehûdîm bi-Germanyā / Ḥayim Naḥman Byaliḳ');
-- and each ISBD part on its own
SELECT * FROM pg_temp.parts('Tôledôt hay-Yehûdîm : Sēfer haj-jōbēl / Ḥayim Naḥman Byaliḳ');

-- a parallel title or a responsibility in English or German passes through;
-- German function words inside a romanized part are kept, the rest converted
SELECT * FROM pg_temp.parts('Pinḳas ha-ḳehilah = Memorial book of the community');
SELECT * FROM pg_temp.parts('Tôledôt hay-Yehûdîm bi-Germanyā = Die Geschichte der Juden in Deutschland / hrsg. von Yitsḥaḳ Ben-Tsevi');
SELECT revrit('Sefer ha-ḥinukh : Das Buch der Erziehung');

-- text with no Latin letter: not_latin, and unchanged
SELECT * FROM pg_temp.parts('ספר החינוך : עם חידושים');
SELECT revrit('ספר החינוך : עם חידושים');

-- plain ASCII without any marker: unknown, converted with the default
-- standard
SELECT * FROM pg_temp.parts('Toldot ha-Yehudim be-Polin');
SELECT revrit('Toldot ha-Yehudim be-Polin') = revrit('Toldot ha-Yehudim be-Polin', 'ala-lc')
	   AS default_standard;

-- ---- an explicit standard overrides detection, on every part ---------------
SELECT * FROM pg_temp.parts('Sēfer haj-jōbēl : ḳovets maʼamarim');
SELECT role, standard FROM pg_temp.parts('Sēfer haj-jōbēl : ḳovets maʼamarim', 'din1982');
SELECT * FROM pg_temp.parts('Qiryat Shemona', 'israeli');
SET revrit.standard = 'israeli';
SELECT * FROM pg_temp.parts('Qiryat Shemona');
SELECT revrit('Qiryat Shemona');
RESET revrit.standard;

-- ---- an unknown standard: 22023, the hint lists the valid values -----------
CREATE FUNCTION pg_temp.err(query text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	state text;
	msg text;
	hint text;
BEGIN
	EXECUTE query;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
		hint = PG_EXCEPTION_HINT;
	RETURN state || ': ' || msg || ' HINT: ' || hint;
END $$;
-- every installed standard is named, and "auto"; printed with the installed
-- list replaced by <standards>, so that a new rule file changes nothing here
CREATE FUNCTION pg_temp.std_err(query text) RETURNS text LANGUAGE sql AS $$
	SELECT replace(pg_temp.err(query),
				   (SELECT 'auto, ' || string_agg(s, ', ')
					  FROM jsonb_array_elements_text(revrit_info()->'standards') AS s),
				   '<standards>')
$$;
SELECT pg_temp.std_err($$SELECT revrit('Sefer', standard => 'din')$$);
SELECT pg_temp.std_err($$SELECT revrit('Qiryat Shemona', standard => 'israel')$$);
SELECT pg_temp.std_err($$SELECT revrit_analyze('Sēfer', 3, 'pi')$$);
SELECT s, pg_temp.err($$SELECT revrit('Sefer', standard => 'din')$$) LIKE '%' || s || '%' AS listed
  FROM unnest(ARRAY['auto', 'ala-lc', 'din1982', 'prussian', 'israeli']) AS s;
