-- The learned layer: spellings a catalogue teaches, kept in revrit.learned.
--
-- revrit.learned lives in its own schema "revrit" (created here; not the
-- schema the functions are installed in), so its name is the same in every
-- database and the C code finds it without a search_path.  It is extension
-- configuration: pg_dump dumps its rows, and CREATE EXTENSION on restore
-- recreates it empty first.  A statement-level trigger tells every backend
-- that it changed (learned_cache.c), so edits by hand take effect in every
-- session on its next statement.

DO $$
BEGIN
	IF '@extschema@' <> 'revrit' THEN
		CREATE SCHEMA revrit;
	END IF;
END
$$;
COMMENT ON SCHEMA revrit IS 'revrit''s data: the learned spellings (revrit.learned)';
GRANT USAGE ON SCHEMA revrit TO PUBLIC;

CREATE TABLE revrit.learned (
	romanized	text NOT NULL CHECK (romanized <> ''),
	hebrew		text NOT NULL CHECK (hebrew <> ''),
	count		bigint NOT NULL DEFAULT 1 CHECK (count > 0),
	kind		text NOT NULL DEFAULT '',
	source		text NOT NULL DEFAULT 'manual',
	-- by source too: re-learning a column replaces only what it taught
	PRIMARY KEY (romanized, hebrew, kind, source)
);
COMMENT ON TABLE revrit.learned IS
'Word spellings revrit() prefers to its own: a romanized word (as converted, prefixes included; case and apostrophe look-alikes do not matter) and its Hebrew, with how often it was seen';
-- Every user's conversions read it; writing it is for whom the owner grants.
GRANT SELECT ON revrit.learned TO PUBLIC;
SELECT pg_catalog.pg_extension_config_dump('revrit.learned', '');

CREATE FUNCTION revrit.learned_changed() RETURNS trigger
AS 'MODULE_PATHNAME', 'revrit_learned_changed'
LANGUAGE C;

CREATE TRIGGER learned_changed
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON revrit.learned
	FOR EACH STATEMENT EXECUTE FUNCTION revrit.learned_changed();

CREATE FUNCTION revrit_align(romanized text, hebrew text, standard text DEFAULT '')
RETURNS TABLE(romanized text, hebrew text)
AS 'MODULE_PATHNAME', 'revrit_align'
LANGUAGE C STRICT STABLE PARALLEL SAFE
COST 10000 ROWS 8;

COMMENT ON FUNCTION revrit_align(text, text, text) IS
'The word pairs of a romanized field and its Hebrew counterpart that are plausible readings of each other (what revrit_learn stores)';

-- A text column of tbl, or an error naming what is wrong.
CREATE FUNCTION revrit.text_column(fn text, tbl regclass, col name)
RETURNS void
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	v_type regtype;
BEGIN
	SELECT a.atttypid INTO v_type
	  FROM pg_attribute a
	 WHERE a.attrelid = tbl AND a.attname = col AND a.attnum > 0
	   AND NOT a.attisdropped;
	IF NOT FOUND THEN
		RAISE EXCEPTION '%: column "%" of relation % does not exist', fn, col, tbl
			USING ERRCODE = 'undefined_column';
	END IF;
	IF v_type NOT IN ('text'::regtype, 'varchar'::regtype) THEN
		RAISE EXCEPTION '%: column "%" of relation % is of type %, not a text type',
			fn, col, tbl, v_type
			USING ERRCODE = 'datatype_mismatch';
	END IF;
END
$$;

CREATE FUNCTION revrit_learn(tbl regclass, romanized name, hebrew name,
							 kind text DEFAULT '')
RETURNS bigint
LANGUAGE plpgsql VOLATILE STRICT PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	v_source text := format('%s.%I', tbl, romanized);
	v_learned bigint;
BEGIN
	PERFORM revrit.text_column('revrit_learn', tbl, romanized);
	PERFORM revrit.text_column('revrit_learn', tbl, hebrew);
	IF kind <> '' THEN
		PERFORM @extschema@.revrit('', kind => kind);	-- 22023 if unknown
	END IF;
	-- learning again from the same column replaces what it taught before;
	-- two sessions learning the same column take turns
	PERFORM pg_advisory_xact_lock(hashtext('revrit_learn ' || v_source || ' ' || kind));
	DELETE FROM revrit.learned l
	 WHERE l.source = v_source AND l.kind = revrit_learn.kind;
	EXECUTE format($q$
		WITH pairs AS (
			SELECT a.romanized, a.hebrew, count(*) AS n
			  FROM %s t, @extschema@.revrit_align(t.%I::text, t.%I::text) a
			 GROUP BY 1, 2),
		stored AS (
			INSERT INTO revrit.learned AS l (romanized, hebrew, count, kind, source)
			SELECT p.romanized, p.hebrew, p.n, $1, $2 FROM pairs p
			ON CONFLICT (romanized, hebrew, kind, source)
			DO UPDATE SET count = EXCLUDED.count
			RETURNING 1)
		SELECT coalesce(sum(n), 0)::bigint FROM pairs$q$,
		tbl, romanized, hebrew)
	INTO v_learned USING kind, v_source;
	RETURN v_learned;
END
$$;

COMMENT ON FUNCTION revrit_learn(regclass, name, name, text) IS
'Learn word spellings from a table''s romanized and Hebrew columns into revrit.learned; returns the number of word pairs learned';

CREATE FUNCTION revrit.evaluate_pairs(romanized text[], hebrew text[],
									  kinds text[], folds int, standard text,
									  by_kind bool)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'revrit_evaluate_pairs'
LANGUAGE C STRICT STABLE PARALLEL SAFE;

CREATE FUNCTION revrit_evaluate(tbl regclass, romanized name, hebrew name,
								folds int DEFAULT 5, kind_column name DEFAULT '',
								standard text DEFAULT '')
RETURNS jsonb
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	v_rom text[];
	v_heb text[];
	v_kind text[];
BEGIN
	IF folds < 1 OR folds > 100 THEN
		RAISE EXCEPTION 'revrit_evaluate: folds must be between 1 and 100, got %', folds
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	PERFORM revrit.text_column('revrit_evaluate', tbl, romanized);
	PERFORM revrit.text_column('revrit_evaluate', tbl, hebrew);
	IF kind_column <> '' THEN
		PERFORM revrit.text_column('revrit_evaluate', tbl, kind_column);
	END IF;
	-- in an order of the values, not ctid: views and foreign tables have
	-- none, and the figures must not depend on where rows are stored
	EXECUTE format($q$
		SELECT array_agg(r ORDER BY r, h, k), array_agg(h ORDER BY r, h, k),
			   array_agg(k ORDER BY r, h, k)
		  FROM (SELECT t.%I::text COLLATE "C" AS r, t.%I::text COLLATE "C" AS h,
					   %s COLLATE "C" AS k
				  FROM %s t
				 WHERE t.%I <> '' AND t.%I <> '') s$q$,
		romanized, hebrew,
		CASE WHEN kind_column <> '' THEN format('coalesce(t.%I::text, %L)', kind_column, '')
			 ELSE $k$''::text$k$ END,
		tbl, romanized, hebrew)
	INTO v_rom, v_heb, v_kind;
	IF v_rom IS NULL THEN
		RAISE EXCEPTION 'revrit_evaluate: no row of % has both "%" and "%" filled', tbl, romanized, hebrew
			USING ERRCODE = 'object_not_in_prerequisite_state';
	END IF;
	RETURN revrit.evaluate_pairs(v_rom, v_heb, v_kind, folds, standard,
								 kind_column <> '');
END
$$;

COMMENT ON FUNCTION revrit_evaluate(regclass, name, name, int, name, text) IS
'Accuracy of revrit on a table of parallel romanized and Hebrew fields, without and with learning, by k-fold cross-validation (revrit.learned is not used nor changed)';
