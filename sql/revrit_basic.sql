--
-- revrit_basic: words, prefixes, final forms, compounds, punctuation,
-- ISBD separators, digits, brackets, NULL.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;

-- simple words and titles
SELECT r AS romanized, revrit(r) AS hebrew
  FROM (VALUES ('Sefer'), ('Torah'), ('shalom'), ('Daṿid'), ('Yitsḥaḳ'),
			   ('Yisraʼel'), ('Yerushalayim'), ('Sefer ha-ḥinukh'),
			   ('Biḳoret u-farshanut'), ('Temol shilshom'),
			   ('Yerushalayim shel zahav'), ('ʻIvrit'), ('Beʼer Shevaʻ'),
			   ('ha-Shoʼah'), ('Shir ha-shirim'), ('Talmud Bavli')) AS t(r);

-- prefixes are joined to their word without the hyphen
SELECT r AS romanized, revrit(r) AS hebrew
  FROM (VALUES ('ha-sefer'), ('ha-ʻolam'), ('ṿe-shalom'), ('ve-shalom'),
			   ('u-farshanut'), ('be-Yerushalayim'), ('bi-Yerushalayim'),
			   ('li-Yerushalayim'), ('le-ʻolam'), ('la-ʻam'), ('mi-dor le-dor'),
			   ('ba-bayit'), ('ke-ʻolam'), ('ka-sefer'),
			   ('mi-Yerushalayim'), ('Mah she-raʼiti'),
			   ('uve-Yerushalayim'), ('ṿeha-ʻolam'), ('me-ha-ʻolam'),
			   ('she-be-Yerushalayim')) AS t(r);

-- final forms ך ם ן ף ץ at the end of a word only
SELECT r AS romanized, revrit(r) AS hebrew
  FROM (VALUES ('melekh'), ('derekh'), ('ʻolam'), ('Avraham'), ('Natan'), ('Tsiyon'),
			   ('sof'), ('ḥof'), ('Erets'), ('ʻets'), ('ha-Tsiyonut'),
			   ('Meḥḳarim')) AS t(r);

-- a hyphen inside a compound: maqaf by default, or ASCII
SELECT revrit('Hotsaʼat Universiṭat Bar-Ilan');
SELECT revrit('Hotsaʼat Universiṭat Bar-Ilan', hyphen => 'ascii');
SET revrit.hyphen = 'ascii';
SELECT revrit('Yad Yitsḥaḳ Ben-Tsevi');
SELECT revrit('Yad Yitsḥaḳ Ben-Tsevi', hyphen => 'maqaf');
RESET revrit.hyphen;
SELECT revrit('Yad Yitsḥaḳ Ben-Tsevi');

-- punctuation, ISBD separators, digits and brackets stay in place
SELECT revrit('shalom, shalom!');
SELECT revrit('Sefer ha-ḥinukh : ḥeleḳ 2 / Daṿid');
SELECT revrit('Torah ; Neviʼim = Sefer ha-ḥinukh.');
SELECT revrit('[Yerushalayim] : (Sefer)');
SELECT revrit('Sefer 1948');

-- Hebrew-calendar years beside their Gregorian year, and the marks
SELECT revrit('Yerushalayim : Mosad ha-Rav Ḳuḳ, 708 [1948]');
SET revrit.years = 'keep';
SELECT revrit('Yerushalayim : Mosad ha-Rav Ḳuḳ, 708 [1948]');
RESET revrit.years;
SET revrit.marks = 'ascii';
SELECT revrit('Yerushalayim : Mosad ha-Rav Ḳuḳ, 708 [1948]');
RESET revrit.marks;

-- a parallel title in another language stays as it is
SELECT revrit('Sefer ha-ḥinukh = The book of education');

-- the standard by name, case-insensitively, or through the setting
SELECT revrit('Sefer', 'ala-lc') = revrit('Sefer', 'ALA-LC') AS by_name,
	   revrit('Sefer', 'auto') = revrit('Sefer') AS auto_is_default;
SHOW revrit.standard;
SET revrit.standard = 'ala-lc';
SELECT revrit('Sefer');
RESET revrit.standard;

-- STRICT: NULL in, NULL out
SELECT revrit(NULL) IS NULL AS null_text,
	   revrit('Sefer', NULL) IS NULL AS null_standard,
	   revrit('Sefer', '', NULL) IS NULL AS null_hyphen;
