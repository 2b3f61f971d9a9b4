--
-- convert_restart: revrit_convert really cancelled midway by
-- statement_timeout, then rerun; and a crash simulated by emptying the
-- unlogged scratch table as crash recovery does.  Each time the table ends
-- equal to a one-shot conversion: nothing lost, nothing written twice
-- wrongly, the source never touched.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;
\set VERBOSITY terse

CREATE TABLE conv_rs (id integer PRIMARY KEY, title text NOT NULL, heb text);
INSERT INTO conv_rs
SELECT i, (ARRAY['Sefer ha-zikaron', 'Divre ha-yamim', 'Ṭeḳsṭim u-meḥḳarim',
				 'Shene ha-meʼorot', 'ha-Mishpaḥah ha-Yehudit'])[i % 5 + 1] || ' ' || i
  FROM generate_series(1, 40) AS i;
CREATE TABLE conv_rs_orig AS SELECT id, title, revrit(title) AS one_shot FROM conv_rs;

-- Updating row 23 takes 30 s: with 5 rows a batch, batches 1-20 commit at
-- once, then the timeout strikes inside the batch 21-25.
CREATE FUNCTION conv_rs_slow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.id = 23 THEN
		PERFORM pg_sleep(30);
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER conv_rs_slow BEFORE UPDATE ON conv_rs
	FOR EACH ROW EXECUTE FUNCTION conv_rs_slow();

SET statement_timeout = '2s';
CALL revrit_convert('conv_rs', 'title', 'heb', batch_size => 5);
RESET statement_timeout;

-- the four committed batches stayed, the cancelled one (rows 21, 22 were
-- already updated in it) rolled back entirely
SELECT count(heb) AS converted, max(id) FILTER (WHERE heb IS NOT NULL) AS last_converted,
	   bool_and(heb = one_shot) FILTER (WHERE heb IS NOT NULL) AS all_correct
  FROM conv_rs JOIN conv_rs_orig USING (id);
-- the progress shown in application_name ended with the transaction
SELECT current_setting('application_name') LIKE 'revrit_convert%' AS still_shows_progress;
-- the scratch (unlogged) and the state (logged) wait for the rerun
SELECT relpersistence, count(*) FROM pg_class
 WHERE relnamespace::regnamespace::text LIKE 'revrit\_work\_%' AND relkind = 'r'
 GROUP BY 1 ORDER BY 1;

-- The title of a row not yet converted changes meanwhile: the stale value
-- in the scratch is not written, the new title is converted.
UPDATE conv_rs SET title = 'Sipur ḥadash' WHERE id = 30;
UPDATE conv_rs_orig SET title = 'Sipur ḥadash', one_shot = revrit('Sipur ḥadash') WHERE id = 30;

-- other arguments than the unfinished run's are refused, and so are other
-- revrit.* settings, which change what revrit() returns
CALL revrit_convert('conv_rs', 'title', 'heb', only_null_target => true);
SET revrit.hyphen = 'ascii';
CALL revrit_convert('conv_rs', 'title', 'heb', batch_size => 5);
RESET revrit.hyphen;

-- the rerun resumes after row 20
ALTER TABLE conv_rs DISABLE TRIGGER conv_rs_slow;
CALL revrit_convert('conv_rs', 'title', 'heb', batch_size => 5);
SELECT count(*) AS rows, count(*) FILTER (WHERE heb = one_shot) AS equal_to_one_shot,
	   count(*) FILTER (WHERE c.title = o.title) AS source_untouched
  FROM conv_rs c JOIN conv_rs_orig o USING (id);
SELECT count(*) AS work_tables FROM pg_class
 WHERE relnamespace::regnamespace::text LIKE 'revrit\_work\_%';

-- Crash: cancel again, then empty the unlogged scratch, which is what crash
-- recovery does to every unlogged table; the logged mark survives.
UPDATE conv_rs SET heb = NULL;
ALTER TABLE conv_rs ENABLE TRIGGER conv_rs_slow;
SET statement_timeout = '2s';
CALL revrit_convert('conv_rs', 'title', 'heb', batch_size => 5);
RESET statement_timeout;
DO $$
DECLARE
	r record;
BEGIN
	FOR r IN SELECT oid::regclass AS t FROM pg_class
			  WHERE relnamespace::regnamespace::text LIKE 'revrit\_work\_%' AND relpersistence = 'u'
				AND relkind = 'r'
	LOOP
		EXECUTE format('TRUNCATE %s', r.t);
	END LOOP;
END
$$;
ALTER TABLE conv_rs DISABLE TRIGGER conv_rs_slow;
CALL revrit_convert('conv_rs', 'title', 'heb', batch_size => 5);
SELECT count(*) AS rows, count(*) FILTER (WHERE heb = one_shot) AS equal_to_one_shot
  FROM conv_rs JOIN conv_rs_orig USING (id);

-- resume => false discards an unfinished run and starts over
UPDATE conv_rs SET heb = NULL;
ALTER TABLE conv_rs ENABLE TRIGGER conv_rs_slow;
SET statement_timeout = '2s';
CALL revrit_convert('conv_rs', 'title', 'heb', batch_size => 5);
RESET statement_timeout;
ALTER TABLE conv_rs DISABLE TRIGGER conv_rs_slow;
CALL revrit_convert('conv_rs', 'title', 'heb', batch_size => 25, resume => false);
SELECT count(*) AS rows, count(*) FILTER (WHERE heb = one_shot) AS equal_to_one_shot
  FROM conv_rs JOIN conv_rs_orig USING (id);

DROP TABLE conv_rs, conv_rs_orig;
DROP FUNCTION conv_rs_slow();
