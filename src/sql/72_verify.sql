-- revrit_verify: is a romanized title one of the Hebrew-script records a
-- library already holds?  Whole-title spellings from the k-best lattice are
-- looked up with pg_trgm's similarity operator (a trigram GIN or GiST index
-- on the reference's title column makes that fast), each title found is
-- scored word by word against the romanized one (revrit.match_scores: 1 =
-- every word is a spelling revrit ranks, less where only the consonants
-- agree), and the best is returned only when it is convincing and clearly
-- ahead of the next: a wrong match is worse than none.
--
-- Only the first 1000 characters of a reference title are looked up and
-- compared (left(title, 1000), in the query and in the indexes): pg_trgm's
-- word similarity does not check for cancel and grows faster than the
-- length, so a title of megabytes held a backend for minutes, and the
-- index recheck evaluates it before any WHERE filter could skip the row.
-- Real titles are far shorter; the prefix bounds the work per row.
--
-- Indexes (README, "Verifying against existing records"): a trigram GiST
-- index on left(title, 1000) serves the nearest-first lookup; with a year,
-- a GiST index on (year, left(title, 1000) gist_trgm_ops) (btree_gist)
-- finds the titles of that year directly.
--
-- pg_trgm is not a hard requirement of the extension (most uses of revrit
-- need no reference table); revrit_verify says so when it is missing.

CREATE FUNCTION revrit.title_candidates(romanized text, n int, standard text)
RETURNS text[]
AS 'MODULE_PATHNAME', 'revrit_title_candidates'
LANGUAGE C STRICT STABLE PARALLEL SAFE COST 2000;

CREATE FUNCTION revrit.match_scores(romanized text, titles text[], standard text)
RETURNS float8[]
AS 'MODULE_PATHNAME', 'revrit_match_scores'
LANGUAGE C STRICT STABLE PARALLEL SAFE COST 5000;

CREATE FUNCTION revrit.lookup_titles(query text, probe text, year text, creator text)
RETURNS TABLE(k text, h text)
AS 'MODULE_PATHNAME', 'revrit_lookup_titles'
LANGUAGE C STRICT STABLE PARALLEL SAFE COST 1000 ROWS 20;

-- The primary key of tbl as a text expression over alias t.
CREATE FUNCTION revrit.key_expression(fn text, tbl regclass)
RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	v_cols text[];
BEGIN
	SELECT array_agg(format('t.%I', a.attname) ORDER BY k.ord) INTO v_cols
	  FROM pg_index i,
		   unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord),
		   pg_attribute a
	 WHERE i.indrelid = tbl AND i.indisprimary
	   AND a.attrelid = tbl AND a.attnum = k.attnum;
	IF v_cols IS NULL THEN
		RAISE EXCEPTION '%: relation % has no primary key', fn, tbl
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'The key identifies the matching record.';
	END IF;
	IF array_length(v_cols, 1) = 1 THEN
		RETURN v_cols[1] || '::text';
	END IF;
	RETURN format('ROW(%s)::text', array_to_string(v_cols, ', '));
END
$$;

-- The lookup revrit_verify runs on reference: a SELECT of key and title
-- of the `nearest` titles nearest to $1 (the probe), of year $2 and creator
-- like $3 when asked.  Checks the arguments on the way.
CREATE FUNCTION revrit.verify_query(reference regclass, title_column name,
									creator_column name, year_column name,
									by_creator bool, by_year bool, nearest int)
RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
	v_trgm name;
	v_year_type text;
	v_year_oid regtype;
	v_filter text := '';
BEGIN
	SELECT n.nspname INTO v_trgm
	  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
	 WHERE e.extname = 'pg_trgm';
	IF NOT FOUND THEN
		RAISE EXCEPTION 'revrit_verify: the pg_trgm extension is not installed'
			USING ERRCODE = 'object_not_in_prerequisite_state',
				  HINT = 'CREATE EXTENSION pg_trgm; and index the reference titles: CREATE INDEX ON ref USING gist ((left(title, 1000)) gist_trgm_ops);';
	END IF;
	PERFORM revrit.text_column('revrit_verify', reference, title_column);
	IF by_creator THEN
		PERFORM revrit.text_column('revrit_verify', reference, creator_column);
		v_filter := format(' AND %I.similarity(left(t.%I::text, 1000), $3) >= 0.3',
						   v_trgm, creator_column);
	END IF;
	IF by_year THEN
		SELECT format_type(a.atttypid, a.atttypmod), a.atttypid INTO v_year_type, v_year_oid
		  FROM pg_attribute a
		 WHERE a.attrelid = reference AND a.attname = year_column
		   AND a.attnum > 0 AND NOT a.attisdropped;
		IF NOT FOUND THEN
			RAISE EXCEPTION 'revrit_verify: column "%" of relation % does not exist',
				year_column, reference USING ERRCODE = 'undefined_column';
		END IF;
		-- year is a number: compared with a number (or its text), said here
		-- rather than failing inside the generated query
		IF v_year_oid NOT IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype,
							  'numeric'::regtype, 'text'::regtype, 'varchar'::regtype) THEN
			RAISE EXCEPTION 'revrit_verify: column "%" of relation % is of type %, not an integer or text type',
				year_column, reference, v_year_type
				USING ERRCODE = 'datatype_mismatch',
					  HINT = 'year is compared as a number; pass a column of years, e.g. extract(year FROM a date) stored as int.';
		END IF;
		v_filter := v_filter || format(' AND t.%I = CAST($2 AS %s)', year_column, v_year_type);
	END IF;
	RETURN format($q$
		SELECT %s AS k, t.%I::text AS h
		  FROM %s AS t
		 WHERE $1 OPERATOR(%I.<%%) left(t.%I, 1000)%s
		 ORDER BY $1 OPERATOR(%I.<<->) left(t.%I, 1000)
		 LIMIT %s$q$,
		revrit.key_expression('revrit_verify', reference), title_column,
		reference, v_trgm, title_column, v_filter, v_trgm, title_column, nearest);
END
$$;

CREATE FUNCTION revrit_verify(romanized text, reference regclass,
							  title_column name DEFAULT 'title',
							  creator text DEFAULT '', year int DEFAULT 0,
							  creator_column name DEFAULT 'creator',
							  year_column name DEFAULT 'year',
							  standard text DEFAULT '')
RETURNS TABLE(ref_key text, hebrew text, score float8)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
SET pg_trgm.word_similarity_threshold = 0.3
AS $$
DECLARE
	c_probe_words CONSTANT int := 4;	-- words of the title looked up
	c_found CONSTANT int := 50;			-- reference titles scored
	c_convincing CONSTANT float8 := 0.65;	-- least score returned
	c_ahead CONSTANT float8 := 0.45;		-- lead over the next title, in words
	v_query text := revrit.verify_query(reference, title_column, creator_column,
										year_column, creator <> '', year <> 0,
										c_found);
	v_words text[];
	v_keys text[];
	v_titles text[];
	v_scores float8[];
	v_best int;
BEGIN
	v_words := string_to_array((revrit.title_candidates(romanized, 1, standard))[1], ' ');
	IF v_words IS NULL THEN
		RETURN;					-- nothing in it is romanized Hebrew
	END IF;
	-- The lookup takes the first words of the likeliest spelling: titles
	-- begin with their main title, and a short probe keeps the trigram scan
	-- cheap.  Its plan is kept per backend (lookup_titles).
	SELECT array_agg(l.k), array_agg(l.h) INTO v_keys, v_titles
	  FROM revrit.lookup_titles(v_query,
			array_to_string(v_words[1:c_probe_words], ' '), year::text,
			CASE WHEN creator <> '' THEN @extschema@.revrit(creator, standard)
				 ELSE '' END) AS l;
	IF v_keys IS NULL THEN
		RETURN;
	END IF;

	-- scored on the same bounded prefix the lookup compared
	v_scores := revrit.match_scores(romanized,
		ARRAY(SELECT left(u.h, 1000) FROM unnest(v_titles) WITH ORDINALITY AS u(h, i)
			   ORDER BY u.i),
		standard);
	SELECT u.i INTO v_best FROM unnest(v_scores) WITH ORDINALITY AS u(s, i)
	 ORDER BY u.s DESC, u.i LIMIT 1;
	IF v_scores[v_best] < c_convincing OR EXISTS (
		SELECT FROM unnest(v_scores) WITH ORDINALITY AS u(s, i)
		 WHERE u.i <> v_best
		   AND u.s > v_scores[v_best] - c_ahead / cardinality(v_words)) THEN
		RETURN;					-- nothing convincing, or no clear winner
	END IF;
	ref_key := v_keys[v_best];
	hebrew := v_titles[v_best];
	score := v_scores[v_best];
	RETURN NEXT;
END
$$;

COMMENT ON FUNCTION revrit_verify(text, regclass, name, text, int, name, name, text) IS
'The record of a reference table of Hebrew-script titles that a romanized title reads as (at most one row; none unless convincing); needs pg_trgm and, for speed, a trigram index on the title column';

-- revrit_analyze with a reference: the analysis, plus "verified", the
-- record revrit_verify finds (null when none).  A separate overload, so
-- the analysis itself (revrit_analyze in 00_functions.sql) stays as it is.
CREATE FUNCTION revrit_analyze(text text, reference regclass,
							   title_column name DEFAULT 'title',
							   n int DEFAULT 3, standard text DEFAULT '',
							   creator text DEFAULT '', year int DEFAULT 0,
							   creator_column name DEFAULT 'creator',
							   year_column name DEFAULT 'year')
RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$
SELECT @extschema@.revrit_analyze(text => $1, n => $4, standard => $5)
	   || jsonb_build_object('verified',
			(SELECT to_jsonb(v)
			   FROM @extschema@.revrit_verify(romanized => $1, reference => $2,
											  title_column => $3, creator => $6,
											  year => $7, creator_column => $8,
											  year_column => $9, standard => $5) AS v))
$$;

COMMENT ON FUNCTION revrit_analyze(text, regclass, name, int, text, text, int, name, name) IS
'revrit_analyze, plus "verified": the record of the reference table revrit_verify matches (null when none)';
