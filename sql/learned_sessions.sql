--
-- learned_sessions: an entry added to revrit.learned in one session is
-- used by another session on its next call, without a restart, and a
-- rolled-back edit is never seen there.  The second session is a dblink
-- connection to the same database.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
CREATE EXTENSION IF NOT EXISTS dblink;
RESET client_min_messages;
\set VERBOSITY terse
TRUNCATE revrit.learned;

SELECT dblink_connect('other',
	format('dbname=%s host=%s port=%s', current_database(),
		   split_part(current_setting('unix_socket_directories'), ',', 1),
		   current_setting('port'))) AS connected;

-- the other session converts (and so loads its copy of revrit.learned)
SELECT * FROM dblink('other', $$SELECT revrit('Sefer ha-ḥinukh')$$) AS t(other_session text);

-- this session teaches a spelling and commits
INSERT INTO revrit.learned (romanized, hebrew) VALUES ('ha-ḥinukh', 'החנוך');
SELECT * FROM dblink('other', $$SELECT revrit('Sefer ha-ḥinukh')$$) AS t(other_session text);

-- an edit still in an open transaction, or rolled back, is not seen there
BEGIN;
UPDATE revrit.learned SET hebrew = 'החינוך־' WHERE romanized = 'ha-ḥinukh';
SELECT * FROM dblink('other', $$SELECT revrit('Sefer ha-ḥinukh')$$) AS t(uncommitted text);
ROLLBACK;
SELECT * FROM dblink('other', $$SELECT revrit('Sefer ha-ḥinukh')$$) AS t(rolled_back text);

-- the other session turns learning off for itself only
SELECT * FROM dblink('other', $$SELECT set_config('revrit.learning', 'off', false)$$) AS t(setting text);
SELECT * FROM dblink('other', $$SELECT revrit('Sefer ha-ḥinukh')$$) AS t(learning_off text);
SELECT revrit('Sefer ha-ḥinukh') AS this_session;

-- deleted here, gone there
DELETE FROM revrit.learned;
SELECT * FROM dblink('other', $$SELECT set_config('revrit.learning', 'on', false)$$) AS t(setting text);
SELECT * FROM dblink('other', $$SELECT revrit('Sefer ha-ḥinukh')$$) AS t(after_delete text);

-- parallel workers read the same entries as their leader
INSERT INTO revrit.learned (romanized, hebrew) VALUES ('ha-ḥinukh', 'החנוך');
CREATE TABLE learned_par AS SELECT 'Sefer ha-ḥinukh ' || g AS t FROM generate_series(1, 2000) g;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT count(*) FROM learned_par WHERE revrit(t) LIKE 'ספר החנוך %';
SELECT count(*) AS learned_everywhere FROM learned_par WHERE revrit(t) LIKE 'ספר החנוך %';
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

SELECT dblink_disconnect('other');
DROP TABLE learned_par;
TRUNCATE revrit.learned;
