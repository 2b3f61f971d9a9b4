--
-- revrit_input: any text gives a result or a clear error, in bounded time.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;

-- empty and blank
SELECT revrit('') = '' AS empty, revrit('   ') = '   ' AS blanks;

-- control characters are kept where they are
SELECT revrit(E'Sefer\tha-ḥinukh\n') = E'ספר\tהחינוך\n' AS tab_newline;
SELECT revrit(E'Sefer\x01\x02\x7f') = E'ספר\x01\x02\x7f' AS control_chars;

-- emoji and other symbols pass through
SELECT revrit('Sefer 📚 ha-ḥinukh ★');

-- Hebrew script is left as it is, alone or mixed with romanized words
SELECT revrit('ספר החינוך');
SELECT revrit('ספר ha-ḥinukh');
SELECT revrit('Книга : Sefer');

-- upper case
SELECT revrit('SEFER HA-ḤINUKH') = revrit('Sefer ha-ḥinukh') AS upper_case;

-- decomposed Unicode converts like precomposed
SELECT normalize('Sefer ha-ḥinukh', NFD) <> 'Sefer ha-ḥinukh' AS really_decomposed,
	   revrit(normalize('Sefer ha-ḥinukh', NFD)) = revrit('Sefer ha-ḥinukh') AS nfd,
	   revrit(normalize('Biḳoret u-farshanut', NFKD)) = revrit('Biḳoret u-farshanut') AS nfkd;

-- every alef/ayin look-alike: ʼ ʾ ' ’ ʹ for alef, ʻ ʿ ‘ for ayin
SELECT r AS romanized, revrit(r) AS hebrew
  FROM (VALUES ('Yisraʼel'), ('Yisraʾel'), ('Yisra''el'), ('Yisra’el'),
			   ('Yisraʹel')) AS t(r);
SELECT r AS romanized, revrit(r) AS hebrew
  FROM (VALUES ('ʻolam'), ('ʿolam'), ('‘olam')) AS t(r);

-- 1 MB in bounded time (the timeout turns a hang into a failure)
SET statement_timeout = '60s';
SELECT length(revrit(repeat('Sefer ha-ḥinukh ', 70000))) > 0 AS one_megabyte;
SELECT revrit(repeat('Sefer ha-ḥinukh ', 70000)) = repeat('ספר החינוך ', 70000) AS one_megabyte_right;
-- one 1 MB "word"
SELECT length(revrit(repeat('a', 1000000))) > 0 AS one_long_word;
RESET statement_timeout;

-- a long call can be cancelled: the core checks for interrupts per word
-- (6 MB take seconds; the timeout fires after 100 ms)
SET statement_timeout = '100ms';
SELECT length(revrit(repeat('Sefer ha-ḥinukh ', 400000)));
SELECT count(*) FROM revrit_candidates(repeat('Sefer ha-ḥinukh ', 400000), 5);
RESET statement_timeout;
SELECT revrit('Sefer') AS still_working;
