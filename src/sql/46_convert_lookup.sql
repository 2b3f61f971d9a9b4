-- Catalogue look-ups of revrit_convert (50_convert.sql).

-- The key revrit_convert finds each row by: the primary key, else the
-- narrowest unique index on NOT NULL columns without expressions or
-- predicate (NULL when there is none).  ctid is no key: UPDATE moves rows,
-- so it cannot identify a row across batches or reruns.
CREATE FUNCTION revrit_convert_key(relid oid, OUT key name[], OUT key_types text[])
LANGUAGE sql STABLE
AS $fn$
    SELECT array_agg(a.attname ORDER BY k.ord),
           array_agg(pg_catalog.format_type(a.atttypid, a.atttypmod) ORDER BY k.ord)
      FROM (SELECT i.indkey, i.indnkeyatts
              FROM pg_catalog.pg_index i
             WHERE i.indrelid = relid AND i.indisunique AND i.indisvalid
               AND i.indexprs IS NULL AND i.indpred IS NULL
               AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
                                WHERE a.attrelid = relid
                                  AND a.attnum = ANY (i.indkey) AND NOT a.attnotnull)
             ORDER BY i.indisprimary DESC, i.indnkeyatts, i.indexrelid
             LIMIT 1) ix
      CROSS JOIN LATERAL unnest(ix.indkey::smallint[]) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_catalog.pg_attribute a ON a.attrelid = relid AND a.attnum = k.attnum
     WHERE k.ord <= ix.indnkeyatts
$fn$;

-- The functions revrit_convert calls, qualified: from the extension's
-- schema (the extension is relocatable), else from the search_path;
-- revrit(text, ...) and revrit_analyze(text, ...) with every argument after
-- the first defaulted (NULL when missing).
CREATE FUNCTION revrit_convert_functions(OUT fn text, OUT ana_fn text)
LANGUAGE sql STABLE
AS $fn$
    SELECT max(f.qualified) FILTER (WHERE f.proname = 'revrit'),
           max(f.qualified) FILTER (WHERE f.proname = 'revrit_analyze')
      FROM (SELECT DISTINCT ON (p.proname) p.proname,
                   format('%I.%I', n.nspname, p.proname) AS qualified
              FROM pg_catalog.pg_proc p
              JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
             WHERE p.proname IN ('revrit', 'revrit_analyze') AND p.pronargs >= 1
               AND p.proargtypes[0] = 'text'::regtype
               AND p.pronargs - p.pronargdefaults <= 1
               AND CASE WHEN EXISTS (SELECT FROM pg_catalog.pg_extension e WHERE e.extname = 'revrit')
                        THEN p.pronamespace = (SELECT e.extnamespace FROM pg_catalog.pg_extension e
                                                WHERE e.extname = 'revrit')
                        ELSE pg_catalog.pg_function_is_visible(p.oid) END
             ORDER BY p.proname, p.pronargs) AS f
$fn$;

-- The WHERE clause of the compute phase.  where_clause is SQL text, run
-- with the caller's privileges (SECURITY INVOKER), exactly as if typed into
-- psql: never build it from untrusted input.  It must be a single
-- expression: a cursor refuses a string holding several statements before
-- running any, so "x; DROP TABLE y" fails here, harmlessly.
CREATE FUNCTION revrit_convert_filter(tbl regclass, rel text, target name,
                                      only_null_target boolean,
                                      where_clause text)
RETURNS text
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_filter text := 'true';
    c refcursor;
    v_state text;
    v_msg text;
BEGIN
    IF only_null_target THEN
        v_filter := v_filter || format(' AND %I IS NULL', target);
    END IF;
    IF where_clause IS NULL THEN
        RETURN v_filter;
    END IF;
    BEGIN
        OPEN c FOR EXECUTE format('SELECT 1 FROM %s WHERE (%s) LIMIT 0', rel, where_clause);
        CLOSE c;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS v_state = RETURNED_SQLSTATE, v_msg = MESSAGE_TEXT;
        RAISE EXCEPTION 'revrit_convert: where_clause is not one valid condition on %: %', tbl, v_msg
            USING ERRCODE = v_state,
                  HINT = 'where_clause is an SQL boolean expression over the table''s columns, e.g. ''lang = ''''heb''''''.';
    END;
    RETURN v_filter || format(' AND (%s)', where_clause);
END
$fn$;
