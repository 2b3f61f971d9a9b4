--
-- convert_safety: revrit_convert never loses data.  A NULL source leaves
-- its target alone; a target reset after a cancelled run is converted
-- again on resume; the scratch lives in a schema of the caller's own that
-- no other role can write; the compute phase plans as many parallel
-- workers as max_parallel_workers_per_gather allows, whatever the size.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;
\set VERBOSITY terse

-- NULL sources: the hand-entered Hebrew stays, and the NOTICE counts them
CREATE TABLE conv_sf (id integer PRIMARY KEY, title text, heb text);
INSERT INTO conv_sf
SELECT i, CASE WHEN i % 4 = 0 THEN NULL ELSE 'Sefer ha-zikaron ' || i END,
	   CASE WHEN i % 4 = 0 THEN 'כותר ידני' END
  FROM generate_series(1, 20) AS i;
SET client_min_messages = warning;
CALL revrit_convert(tbl => 'conv_sf', source => 'title', target => 'heb', batch_size => 5);
RESET client_min_messages;
SELECT count(*) FILTER (WHERE title IS NULL AND heb = 'כותר ידני') AS hand_entered_kept,
	   count(*) FILTER (WHERE title IS NOT NULL AND heb = revrit(title)) AS converted
  FROM conv_sf;

-- the final NOTICE reports the NULL sources and the workers
UPDATE conv_sf SET heb = NULL WHERE title IS NOT NULL;
CALL revrit_convert(tbl => 'conv_sf', source => 'title', target => 'heb', batch_size => 100);

-- A cancelled run, then the target is reset by hand; the resumed run
-- converts every row, not only those after its mark.
UPDATE conv_sf SET heb = NULL WHERE title IS NOT NULL;
CREATE FUNCTION conv_sf_slow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.id = 13 THEN
		PERFORM pg_sleep(30);
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER conv_sf_slow BEFORE UPDATE ON conv_sf
	FOR EACH ROW EXECUTE FUNCTION conv_sf_slow();
SET client_min_messages = warning;
SET statement_timeout = '2s';
CALL revrit_convert(tbl => 'conv_sf', source => 'title', target => 'heb', batch_size => 5);
RESET statement_timeout;
SELECT count(heb) FILTER (WHERE title IS NOT NULL) AS converted_before_cancel FROM conv_sf;
ALTER TABLE conv_sf DISABLE TRIGGER conv_sf_slow;
UPDATE conv_sf SET heb = NULL WHERE title IS NOT NULL;
CALL revrit_convert(tbl => 'conv_sf', source => 'title', target => 'heb', batch_size => 5);
RESET client_min_messages;
SELECT count(*) FILTER (WHERE title IS NOT NULL AND heb = revrit(title)) AS converted,
	   count(*) FILTER (WHERE title IS NULL AND heb = 'כותר ידני') AS hand_entered_kept
  FROM conv_sf;

-- The work schema belongs to the caller; nobody else may create in it,
-- and PUBLIC has no CREATE on any revrit schema.
SELECT nspname = 'revrit_work_' || (SELECT oid FROM pg_roles WHERE rolname = current_user) AS named_by_role,
	   nspowner::regrole::text = current_user AS owned_by_caller,
	   has_schema_privilege('public', oid, 'CREATE') AS public_may_create
  FROM pg_namespace WHERE nspname LIKE 'revrit\_work\_%';
CREATE ROLE regress_conv_sf_other;
GRANT SELECT, UPDATE ON conv_sf TO regress_conv_sf_other;
SET ROLE regress_conv_sf_other;
SELECT has_schema_privilege((SELECT nspname FROM pg_namespace
							  WHERE nspowner = (SELECT oid FROM pg_roles WHERE rolname = session_user)
								AND nspname LIKE 'revrit\_work\_%'), 'CREATE') AS other_may_create;
RESET ROLE;
-- nor may a session claim the work schema of a role it is no member of
SET SESSION AUTHORIZATION regress_conv_sf_other;
DO $$
BEGIN
	PERFORM revrit_work_schema((SELECT rolname FROM pg_roles WHERE oid = 10)::regrole);
EXCEPTION WHEN insufficient_privilege THEN
	RAISE NOTICE 'refused: %', SQLSTATE;
END $$;
RESET SESSION AUTHORIZATION;

-- Parallel workers: 6,000 rows, far below the size at which PostgreSQL
-- would plan more than one worker, plan as many as the setting allows.
CREATE TABLE conv_sf_big (id integer PRIMARY KEY, title text, heb text);
INSERT INTO conv_sf_big SELECT i, 'Sefer ' || i FROM generate_series(1, 6000) AS i;
SET max_parallel_workers_per_gather = 4;
DO $$
DECLARE
	v jsonb;
BEGIN
	v := revrit_convert_compute('revrit_work_tmp_scratch', 'revrit_work_tmp_input',
								'id AS k1', 1, 'title', 'public.conv_sf_big', 'true',
								'revrit', NULL);
	RAISE NOTICE 'rows %, workers planned %', v->'rows', v->'workers_planned';
	DROP TABLE revrit_work_tmp_scratch;
END $$;
RESET max_parallel_workers_per_gather;

DROP TABLE conv_sf, conv_sf_big;
DROP FUNCTION conv_sf_slow();
DROP ROLE regress_conv_sf_other;
