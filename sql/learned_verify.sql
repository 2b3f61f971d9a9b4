--
-- learned_verify: revrit_verify against a table of Hebrew-script records —
-- a match, none when nothing convinces, none when two records tie, year and
-- creator narrowing, composite keys, names needing quotes, bad arguments.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;
\set VERBOSITY terse
CREATE FUNCTION pg_temp.error_of(q text) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN
	EXECUTE q;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END
$f$;

CREATE TABLE "Hebrew Records" (
	"Record No." int PRIMARY KEY,
	"Title" text NOT NULL,
	"Author" text NOT NULL DEFAULT '',
	"Year" int
);
INSERT INTO "Hebrew Records" VALUES
	(1, 'ספר החנוך : עם חדושים', 'אהרן כהן', 1950),
	(2, 'ספר החנוך : עם חדושים', 'משה לוי', 1962),
	(3, 'ספר הזכרון', '', 1950),
	(4, 'תורת החנוך / אהרן כהן', '', 1951),
	(5, 'תורת המשפט / אהרן כהן', '', 1951),
	(6, 'שירים חדשים', '', 1930);

-- pg_trgm is needed, and said so
SELECT pg_temp.error_of($$SELECT * FROM revrit_verify(romanized => 'Sefer ha-zikaron', reference => '"Hebrew Records"', title_column => 'Title')$$);
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
RESET client_min_messages;
CREATE INDEX ON "Hebrew Records" USING gist ((left("Title", 1000)) gist_trgm_ops);

-- a record whose title is a plausible spelling (traditional here)
SELECT * FROM revrit_verify(romanized => 'Sefer ha-zikaron', reference => '"Hebrew Records"',
							title_column => 'Title');
-- one word differs from the near-duplicate: the right one wins
SELECT * FROM revrit_verify(romanized => 'Torat ha-ḥinukh / Aharon Kohen',
							reference => '"Hebrew Records"', title_column => 'Title');
-- two records with this title: none, unless the year or creator tells them apart
SELECT * FROM revrit_verify(romanized => 'Sefer ha-ḥinukh : ʻim ḥidushim',
							reference => '"Hebrew Records"', title_column => 'Title');
SELECT * FROM revrit_verify(romanized => 'Sefer ha-ḥinukh : ʻim ḥidushim',
							reference => '"Hebrew Records"', title_column => 'Title',
							year => 1962, year_column => 'Year');
SELECT * FROM revrit_verify(romanized => 'Sefer ha-ḥinukh : ʻim ḥidushim',
							reference => '"Hebrew Records"', title_column => 'Title',
							creator => 'Aharon Kohen', creator_column => 'Author');
-- nothing convincing: a translation, an unrelated title, a wrong year
SELECT count(*) AS translation FROM revrit_verify(romanized => 'The book of education',
							reference => '"Hebrew Records"', title_column => 'Title');
SELECT count(*) AS unrelated FROM revrit_verify(romanized => 'Sipure ha-ḥasidim',
							reference => '"Hebrew Records"', title_column => 'Title');
SELECT count(*) AS other_year FROM revrit_verify(romanized => 'Sefer ha-zikaron',
							reference => '"Hebrew Records"', title_column => 'Title',
							year => 1999, year_column => 'Year');

-- revrit_analyze reports it, given a reference; the plain analysis is unchanged
SELECT revrit_analyze(text => 'Sefer ha-zikaron', reference => '"Hebrew Records"',
					  title_column => 'Title')->'verified' AS verified;
SELECT revrit_analyze(text => 'Sipure ha-ḥasidim', reference => '"Hebrew Records"',
					  title_column => 'Title')->'verified' AS not_verified;
SELECT revrit_analyze(text => 'Sefer ha-zikaron', reference => '"Hebrew Records"',
					  title_column => 'Title') - 'verified'
	   = revrit_analyze(text => 'Sefer ha-zikaron') AS same_analysis;
SELECT revrit_analyze('Sefer ha-zikaron', 1)->'recommendation'->>'use' AS positional_call;

-- a composite key comes back as a row
CREATE TABLE shelf (library text, call_no int, title text, PRIMARY KEY (library, call_no));
INSERT INTO shelf VALUES ('Main "A"', 7, 'שירים חדשים');
SELECT * FROM revrit_verify(romanized => 'Shirim ḥadashim', reference => 'shelf');

-- a title of megabytes costs no more than its first 1000 characters (pg_trgm's
-- word similarity ignores cancel and ran a minute on 220,000 characters)
CREATE TABLE long_titles (id int PRIMARY KEY, title text);
INSERT INTO long_titles VALUES (1, repeat('ספר החינוך ', 200000)), (2, 'שירים חדשים');
SET statement_timeout = '10s';
SELECT count(*) AS long_title_no_index FROM revrit_verify(romanized => 'Sefer ha-ḥinukh', reference => 'long_titles');
CREATE INDEX ON long_titles USING gist ((left(title, 1000)) gist_trgm_ops);
SELECT count(*) AS long_title FROM revrit_verify(romanized => 'Sefer ha-ḥinukh', reference => 'long_titles');
SELECT ref_key, hebrew FROM revrit_verify(romanized => 'Shirim ḥadashim', reference => 'long_titles');
RESET statement_timeout;
DROP TABLE long_titles;

-- bad arguments
CREATE TABLE no_key (title text);
SELECT pg_temp.error_of($$SELECT * FROM revrit_verify(romanized => 'Shirim', reference => 'no_key')$$);
SELECT pg_temp.error_of($$SELECT * FROM revrit_verify(romanized => 'Shirim', reference => '"Hebrew Records"')$$);
SELECT pg_temp.error_of($$SELECT * FROM revrit_verify(romanized => 'Shirim', reference => '"Hebrew Records"', title_column => 'Year')$$);
SELECT pg_temp.error_of($$SELECT * FROM revrit_verify(romanized => 'Shirim', reference => '"Hebrew Records"', title_column => 'Title', year => 1930)$$);
SELECT pg_temp.error_of($$SELECT * FROM revrit_verify(romanized => 'Shirim', reference => '"Hebrew Records"', title_column => 'Title', creator => 'Kohen')$$);
SELECT pg_temp.error_of($$SELECT * FROM revrit_verify(romanized => 'Shirim', reference => 'no_such_table')$$);
-- a year column that is not a number
CREATE TABLE dated (id int PRIMARY KEY, title text, year date);
SELECT pg_temp.error_of($$SELECT * FROM revrit_verify(romanized => 'Shirim', reference => 'dated', year => 1930)$$);
DROP TABLE dated;
SELECT count(*) AS strict FROM revrit_verify(romanized => NULL, reference => 'shelf');

DROP TABLE shelf, no_key, "Hebrew Records";
