--
-- revrit_yiddish: the Yiddish standard (YIVO / ALA-LC Yiddish romanization
-- to standard Yiddish spelling), the Hebrew spelling of its Hebrew words,
-- the points and ligatures options, and telling Yiddish from Hebrew in
-- automatic detection.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;

-- every vowel written, a silent alef before an initial vowel letter, וו
-- יי וי for v ey/ay oy, final forms
SELECT r AS romanized, revrit(r, standard => 'yiddish') AS hebrew
  FROM (VALUES ('Di goldene pave'),
			   ('Mayne lider fun der heym'),
			   ('Dos bukh fun mayn lebn'),
			   ('A mayse vegn a kleyn shtetl'),
			   ('Yidishe kinder'),
			   ('Oyf a shlitn'),
			   ('Tsvey brider'),
			   ('Zhurnal far kinder'),
			   ('Der tshayniker')) AS t(r);

-- words of Hebrew origin keep their Hebrew spelling
SELECT r AS romanized, revrit(r, standard => 'yiddish') AS hebrew
  FROM (VALUES ('Der emes fun shabes'),
			   ('Khokhme un sforim'),
			   ('Di mishpokhe'),
			   ('Toyre'),
			   ('Sholem')) AS t(r);

-- points (YIVO standard orthography) and ligatures are options; plain
-- letters and two-letter וו יי וי are the default, as catalogues write
SET revrit.yiddish_points = 'yivo';
SELECT revrit('Di goldene pave', standard => 'yiddish');
SELECT revrit('Mayne lider fun der heym', standard => 'yiddish');
SELECT revrit('Vu iz dos shtetl', standard => 'yiddish');
-- Hebrew words keep the points YIVO spelling gives them: תּ כּ בֿ שׂ
SELECT revrit('Der khaver fun der toyre', standard => 'yiddish');
SET revrit.yiddish_ligatures = on;
SELECT revrit('Mayne lider fun der heym', standard => 'yiddish');
SELECT revrit('Vu iz dos shtetl', standard => 'yiddish');
-- Hebrew output is not touched by either setting
SELECT revrit('Sefer ha-ḥinukh');
RESET revrit.yiddish_points;
SELECT revrit('Mayne lider fun der heym', standard => 'yiddish');
RESET revrit.yiddish_ligatures;
SELECT revrit('Mayne lider fun der heym', standard => 'yiddish');
SET revrit.yiddish_points = 'pointed';

-- automatic detection: a text with Yiddish function words, endings or
-- spellings is read as Yiddish, Hebrew stays Hebrew, and revrit_analyze
-- says which language each part was read as
CREATE FUNCTION pg_temp.parts(t text)
RETURNS TABLE (role text, standard text, language text, hebrew text)
LANGUAGE sql AS $$
	SELECT p->>'role', p->>'standard', p->>'language', p->>'hebrew'
	  FROM jsonb_array_elements(revrit_analyze(t)->'parts') AS p
$$;
SELECT * FROM pg_temp.parts('Dos bukh fun mayn lebn : lider un baladn');
SELECT * FROM pg_temp.parts('Di geshikhte fun a shtetl');
SELECT * FROM pg_temp.parts('Tsvey dertseylungen');
SELECT * FROM pg_temp.parts('Sefer ha-ḥinukh : ʻim ḥidushim');
SELECT * FROM pg_temp.parts('Toldot ha-Yehudim be-Polin');
SELECT * FROM pg_temp.parts('Petah Tiqwa');
-- forcing a standard overrides detection either way
SELECT revrit('Dos bukh fun mayn lebn', standard => 'ala-lc') AS as_hebrew;
SELECT revrit('Sefer ha-ḥinukh', standard => 'yiddish') AS as_yiddish;
