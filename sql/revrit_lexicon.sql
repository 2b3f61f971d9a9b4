--
-- revrit_lexicon: revrit.lexicon selects the compiled lexicon.  'none'
-- converts with rules only; a missing, truncated, corrupt or wrong-version
-- file gives a clear ERROR with an SQLSTATE (never a crash) and the backend
-- goes on working; only a superuser may change the setting.
--
-- Assumes the default lexicon $sharedir/revrit/hebrew.rvlex is installed
-- ("make" compiles it from hunspell-he, which scripts/common.sh installs):
-- the corrupt files are derived from it.  Without it this test fails at
-- once and deterministically, at "lexicon_installed" below.
--
-- The corrupt files are written into the data directory with lo_export
-- (no shell needed, and concurrent test clusters cannot collide); paths
-- and machine-dependent byte counts are stripped from the messages shown,
-- which is why lexicon errors go through try_lexicon() below (the path is
-- in the message itself, so VERBOSITY terse would not hide it).
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;

SELECT setting || '/revrit/hebrew.rvlex' AS lexfile
  FROM pg_config WHERE name = 'SHAREDIR' \gset
SELECT current_setting('data_directory') || '/revrit_lexicon_test_' AS testfile \gset
SELECT (pg_stat_file(:'lexfile')).size > 64 AS lexicon_installed;

-- ---- rules only ------------------------------------------------------------

-- (the setting exists once the library is loaded: by the first call)
SELECT r AS romanized, revrit(r) AS hebrew
  FROM (VALUES ('Hisṭoryah'), ('Lirikah')) AS t(r);
SELECT revrit_info()->>'lexicon' LIKE '%/revrit/hebrew.rvlex' AS default_lexicon;
SHOW revrit.lexicon;

-- 'none': rules only, no error and no message per row; the lexicon cannot
-- tell היסטוריה from הסטוריה any more
SET revrit.lexicon = 'none';
SELECT r AS romanized, revrit(r) AS hebrew
  FROM (VALUES ('Hisṭoryah'), ('Lirikah')) AS t(r);
SELECT revrit_info()->'lexicon' AS lexicon;
SELECT count(*) > 0 AS candidates, bool_or(in_lexicon) AS any_in_lexicon,
	   max(lexicon_bonus) AS max_lexicon_bonus
  FROM revrit_candidates('Lirikah', 5);
RESET revrit.lexicon;
SELECT revrit('Lirikah');

-- ---- helpers ---------------------------------------------------------------

-- Write a file on the server: the test runs as superuser.
CREATE FUNCTION pg_temp.write_file(path text, content bytea) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	lo oid := lo_from_bytea(0, content);
BEGIN
	PERFORM lo_export(lo, path);
	PERFORM lo_unlink(lo);
END $$;

-- Convert with revrit.lexicon = lexicon: 'ok' and the lexicon file name
-- the backend loaded, or the SQLSTATE and the error without directories
-- and sizes.  The setting is undone with the transaction (or subtransaction).
CREATE FUNCTION pg_temp.try_lexicon(lexicon text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	state text;
	msg text;
BEGIN
	PERFORM set_config('revrit.lexicon', lexicon, true);
	PERFORM revrit('Lirikah');
	RETURN 'ok: ' || coalesce(regexp_replace(revrit_info()->>'lexicon', '^.*/', ''),
							  'rules only');
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
	msg := regexp_replace(msg, '"/[^"]*/', '"…/', 'g');
	msg := regexp_replace(msg, '[0-9]+ bytes', 'N bytes', 'g');
	msg := regexp_replace(msg, 'says [0-9]+', 'says N', 'g');
	msg := regexp_replace(msg, '\(offset [0-9]+', '(offset N', 'g');
	RETURN state || ': ' || msg;
END $$;

-- The real file, read once.
CREATE TEMP TABLE lex AS SELECT pg_read_binary_file(:'lexfile') AS f;

-- ---- good copies load ------------------------------------------------------

SELECT pg_temp.write_file(:'testfile' || 'copy.rvlex', f) FROM lex;
SELECT pg_temp.try_lexicon(:'testfile' || 'copy.rvlex');
SELECT pg_temp.try_lexicon('hebrew');
SELECT pg_temp.try_lexicon('none');

-- ---- bad files: each one a clear ERROR -------------------------------------

-- missing: 58P01 undefined_file (a bare name looks in $sharedir/revrit)
SELECT pg_temp.try_lexicon(:'testfile' || 'missing.rvlex');
SELECT pg_temp.try_lexicon('no_such_lexicon');

-- a directory, an empty file, a few bytes
SELECT pg_temp.try_lexicon(current_setting('data_directory'));
SELECT pg_temp.write_file(:'testfile' || 'empty.rvlex', ''::bytea);
SELECT pg_temp.try_lexicon(:'testfile' || 'empty.rvlex');
SELECT pg_temp.write_file(:'testfile' || 'tiny.rvlex', '\x52564c45'::bytea);
SELECT pg_temp.try_lexicon(:'testfile' || 'tiny.rvlex');

-- truncated: inside the header, after it, halfway, one byte short
SELECT pg_temp.write_file(:'testfile' || 'trunc20.rvlex', substr(f, 1, 20)) FROM lex;
SELECT pg_temp.try_lexicon(:'testfile' || 'trunc20.rvlex');
SELECT pg_temp.write_file(:'testfile' || 'trunc1000.rvlex', substr(f, 1, 1000)) FROM lex;
SELECT pg_temp.try_lexicon(:'testfile' || 'trunc1000.rvlex');
SELECT pg_temp.write_file(:'testfile' || 'trunchalf.rvlex', substr(f, 1, length(f) / 2)) FROM lex;
SELECT pg_temp.try_lexicon(:'testfile' || 'trunchalf.rvlex');
SELECT pg_temp.write_file(:'testfile' || 'trunc1.rvlex', substr(f, 1, length(f) - 1)) FROM lex;
SELECT pg_temp.try_lexicon(:'testfile' || 'trunc1.rvlex');

-- a byte appended
SELECT pg_temp.write_file(:'testfile' || 'oversized.rvlex', f || '\x00'::bytea) FROM lex;
SELECT pg_temp.try_lexicon(:'testfile' || 'oversized.rvlex');

-- one bit flipped: in the section table, in the middle, in the last byte
SELECT pg_temp.write_file(:'testfile' || 'flip48.rvlex',
						  set_byte(f, 48, get_byte(f, 48) # 1)) FROM lex;
SELECT pg_temp.try_lexicon(:'testfile' || 'flip48.rvlex');
SELECT pg_temp.write_file(:'testfile' || 'flipmid.rvlex',
						  set_byte(f, length(f) / 2, get_byte(f, length(f) / 2) # 16)) FROM lex;
SELECT pg_temp.try_lexicon(:'testfile' || 'flipmid.rvlex');
SELECT pg_temp.write_file(:'testfile' || 'fliplast.rvlex',
						  set_byte(f, length(f) - 1, get_byte(f, length(f) - 1) # 128)) FROM lex;
SELECT pg_temp.try_lexicon(:'testfile' || 'fliplast.rvlex');

-- wrong magic, another byte order, wrong version (the header is not
-- under the checksum, so these must be checked on their own)
SELECT pg_temp.write_file(:'testfile' || 'magic.rvlex', set_byte(f, 0, ascii('X'))) FROM lex;
SELECT pg_temp.try_lexicon(:'testfile' || 'magic.rvlex');
SELECT pg_temp.write_file(:'testfile' || 'byteorder.rvlex',
						  overlay(f PLACING '\x01020304'::bytea FROM 13)) FROM lex;
SELECT pg_temp.try_lexicon(:'testfile' || 'byteorder.rvlex');
SELECT pg_temp.write_file(:'testfile' || 'version9.rvlex', set_byte(f, 8, 9)) FROM lex;
SELECT pg_temp.try_lexicon(:'testfile' || 'version9.rvlex');
SELECT pg_temp.write_file(:'testfile' || 'version0.rvlex', set_byte(f, 8, 0)) FROM lex;
SELECT pg_temp.try_lexicon(:'testfile' || 'version0.rvlex');

-- header fields outside the checksum: the file size, the section count
SELECT pg_temp.write_file(:'testfile' || 'hdrsize.rvlex',
						  set_byte(f, 16, get_byte(f, 16) # 1)) FROM lex;
SELECT pg_temp.try_lexicon(:'testfile' || 'hdrsize.rvlex');
SELECT pg_temp.write_file(:'testfile' || 'nsect0.rvlex', set_byte(f, 32, 0)) FROM lex;
SELECT pg_temp.try_lexicon(:'testfile' || 'nsect0.rvlex');
SELECT pg_temp.write_file(:'testfile' || 'nsect200.rvlex', set_byte(f, 32, 200)) FROM lex;
SELECT pg_temp.try_lexicon(:'testfile' || 'nsect200.rvlex');

-- The same bad file or name twice: a failed load leaves nothing
-- half-loaded behind, and the backend goes on.
SELECT pg_temp.try_lexicon(:'testfile' || 'flipmid.rvlex');
SELECT pg_temp.try_lexicon('no_such_lexicon');
SELECT pg_temp.try_lexicon('hebrew');

-- A session setting that names a bad file: every call errors, none crashes.
SET revrit.lexicon = 'no_such_lexicon';
SELECT pg_temp.try_lexicon(current_setting('revrit.lexicon'));
SELECT count(*) FROM (SELECT pg_temp.try_lexicon(current_setting('revrit.lexicon')) AS e
						FROM generate_series(1, 3)) AS t
 WHERE e LIKE '58P01: %';

-- ---- back to the default ---------------------------------------------------

RESET revrit.lexicon;
SELECT r AS romanized, revrit(r) AS hebrew
  FROM (VALUES ('Hisṭoryah'), ('Lirikah')) AS t(r);
SELECT revrit_info()->>'lexicon' LIKE '%/revrit/hebrew.rvlex' AS default_lexicon;

-- Leave small files behind, not 2 MB copies.
SELECT count(*) AS emptied
  FROM (SELECT pg_temp.write_file(:'testfile' || name || '.rvlex', ''::bytea)
		  FROM unnest(ARRAY['copy', 'trunchalf', 'trunc1', 'oversized', 'flip48',
							'flipmid', 'fliplast', 'magic', 'byteorder',
							'version9', 'version0', 'hdrsize', 'nsect0',
							'nsect200']) AS name) AS t;

-- ---- only a superuser may choose the lexicon -------------------------------

SET client_min_messages = warning;
DROP ROLE IF EXISTS regress_revrit_lexicon;
RESET client_min_messages;
CREATE ROLE regress_revrit_lexicon;
SET ROLE regress_revrit_lexicon;
SHOW revrit.lexicon;
SET revrit.lexicon = 'none';
SELECT set_config('revrit.lexicon', 'none', false);
SHOW revrit.lexicon;
-- the per-call settings remain the user's
SET revrit.hyphen = 'ascii';
SELECT revrit('Bar-Ilan');
RESET revrit.hyphen;
RESET ROLE;
DROP ROLE regress_revrit_lexicon;
