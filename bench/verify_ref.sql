-- verify_ref.sql — the reference table of bench/verify.sh (see there).
-- Variables: pairs (the pairs TSV), words (a Hebrew word list), rows.
CREATE EXTENSION revrit;
CREATE EXTENSION pg_trgm;
CREATE EXTENSION btree_gist;
SELECT setseed(0.12);

-- the pairs file as it is: one line per row, no COPY escapes
CREATE TABLE raw_lines (n serial, line text);
\set copy_pairs '\\copy raw_lines (line) FROM ' :'pairs' ' WITH (FORMAT csv, DELIMITER E''\\x01'', QUOTE E''\\x02'')'
:copy_pairs
CREATE TABLE queries AS
SELECT n AS id, split_part(line, E'\t', 3) AS romanized,
	   split_part(line, E'\t', 4) AS gold, 1800 + (n * 37) % 200 AS year
  FROM raw_lines
 WHERE split_part(line, E'\t', 2) IN ('title', 'series', 'other');

CREATE TABLE words (w text);
\set copy_words '\\copy words FROM ' :'words' ' WITH (FORMAT csv, DELIMITER E''\\x01'', QUOTE E''\\x02'')'
:copy_words
DELETE FROM words WHERE w !~ '^[א-ת]{2,}$';
CREATE TABLE word_list AS SELECT row_number() OVER () AS i, w FROM words;
CREATE UNIQUE INDEX ON word_list (i);
ANALYZE word_list;
CREATE FUNCTION random_word() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	v_i bigint := 1 + floor(random() * (SELECT max(i) FROM word_list))::bigint;
BEGIN
	RETURN (SELECT w FROM word_list WHERE i = v_i);
END
$$;

CREATE TABLE verify_ref (id serial PRIMARY KEY, title text NOT NULL,
						 creator text NOT NULL DEFAULT '', year int NOT NULL,
						 origin text NOT NULL);
INSERT INTO verify_ref (id, title, year, origin)
SELECT id, gold, year, 'gold' FROM queries;
SELECT setval('verify_ref_id_seq', (SELECT max(id) FROM verify_ref));

-- near-duplicates: one word replaced, same year
INSERT INTO verify_ref (title, year, origin)
SELECT array_to_string(w[1:k - 1] || random_word() || w[k + 1:], ' '), q.year, 'one word'
  FROM queries q,
	   LATERAL regexp_split_to_array(q.gold, ' ') AS w,
	   generate_series(1, 20) AS g,
	   LATERAL (SELECT 1 + floor(random() * array_length(w, 1))::int AS k) AS pick
 WHERE w[k] ~ '[א-ת]{2,}';

-- other years
INSERT INTO verify_ref (title, year, origin)
SELECT q.gold, q.year + g, 'other year' FROM queries q, generate_series(1, 5) AS g;

-- other spellings, other years
INSERT INTO verify_ref (title, year, origin)
SELECT array_to_string(w[1:k - 1] ||
		 CASE WHEN w[k] ~ '^.[וי]' THEN left(w[k], 1) || substr(w[k], 3)
			  ELSE left(w[k], 1) || 'ו' || substr(w[k], 2) END || w[k + 1:], ' '),
	   q.year + 10 + g, 'other spelling'
  FROM queries q,
	   LATERAL regexp_split_to_array(q.gold, ' ') AS w,
	   generate_series(1, 5) AS g,
	   LATERAL (SELECT 1 + floor(random() * array_length(w, 1))::int AS k) AS pick
 WHERE w[k] ~ '^[א-ת]{2,}$';

-- random titles up to the size asked for
INSERT INTO verify_ref (title, year, origin)
SELECT (SELECT string_agg(random_word(), ' ') FROM generate_series(1, 2 + (r.g % 5) + 0 * r.g) AS x(j)),
	   1800 + floor(random() * 220)::int, 'filler'
  FROM generate_series(1, greatest(:rows - (SELECT count(*) FROM verify_ref), 0)) AS r(g);

-- the indexes README recommends: titles by year, and titles alone
CREATE INDEX verify_ref_year_title ON verify_ref USING gist (year, (left(title, 1000)) gist_trgm_ops);
CREATE INDEX verify_ref_title ON verify_ref USING gist ((left(title, 1000)) gist_trgm_ops);
ANALYZE verify_ref;
