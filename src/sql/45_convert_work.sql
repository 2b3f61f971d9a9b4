-- Helpers of revrit_convert (50_convert.sql): the caller's private work
-- schema, and the parallel compute phase.

-- revrit_convert keeps its scratch and state tables, which must survive a
-- crash, in a schema of the calling role's own: revrit_work_<role oid>,
-- owned by that role, with no privilege for anyone else.  A shared schema
-- with CREATE for PUBLIC let any role plant a table under the name a
-- conversion would use next and so block it.  Making a schema for a role
-- needs rights an ordinary role lacks, hence SECURITY DEFINER; the function
-- only ever creates a schema for a role the session user is a member of.
-- The schema is found by owner, not by name alone: if another role already
-- holds the name revrit_work_<oid> (any role with CREATE on the database
-- could make it, and so block every conversion of the victim), the role's
-- schema is revrit_work_<oid>_<random suffix> instead.
CREATE FUNCTION revrit_work_schema(role regrole)
RETURNS name
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    v_base  name := 'revrit_work_' || role::oid;
    v_name  name;
    v_owner oid;
BEGIN
    IF NOT pg_catalog.pg_has_role(session_user, role, 'MEMBER') THEN
        RAISE EXCEPTION 'revrit_convert: role % may not use the work schema of role %',
            session_user, role USING ERRCODE = 'insufficient_privilege';
    END IF;
    FOR i IN 1..2 LOOP
        -- the role's own: the plain name first, then the oldest suffixed one
        SELECT n.nspname INTO v_name
          FROM pg_catalog.pg_namespace n
         WHERE n.nspowner = role::oid
           AND (n.nspname = v_base
                OR pg_catalog.starts_with(n.nspname, v_base || '_'))
         ORDER BY n.nspname = v_base DESC, n.oid
         LIMIT 1;
        IF FOUND OR i = 2 THEN
            EXIT;
        END IF;
        SELECT n.nspowner INTO v_owner FROM pg_catalog.pg_namespace n WHERE n.nspname = v_base;
        v_name := v_base;
        IF FOUND THEN
            v_name := v_base || '_' || pg_catalog.substr(pg_catalog.md5(
                pg_catalog.random()::text || pg_catalog.clock_timestamp()::text), 1, 12);
            RAISE WARNING 'revrit_convert: schema % belongs to role %, not to %; using % instead',
                v_base, v_owner::regrole, role, v_name
                USING HINT = 'Have the other schema dropped.';
        END IF;
        BEGIN
            EXECUTE format('CREATE SCHEMA %I AUTHORIZATION %s', v_name, role);
            EXECUTE format('COMMENT ON SCHEMA %I IS %L', v_name,
                           'revrit_convert scratch and state tables of role ' || role::text);
        EXCEPTION WHEN duplicate_schema OR unique_violation THEN
            -- a concurrent call made it (one still uncommitted when we
            -- began fails on the catalogue's unique index): found above
            NULL;
        END;
    END LOOP;
    IF v_name IS NULL THEN
        RAISE EXCEPTION 'revrit_convert: could not make a work schema for role %', role
            USING ERRCODE = 'insufficient_privilege',
                  HINT = format('A schema named %s belongs to another role: have it dropped.', v_base);
    END IF;
    RETURN v_name;
END
$fn$;
REVOKE ALL ON FUNCTION revrit_work_schema(regrole) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION revrit_work_schema(regrole) TO PUBLIC;

-- The compute phase: CREATE UNLOGGED TABLE scratch AS SELECT the key, the
-- source's hash and revrit(source) for every row to convert, in parallel
-- with as many workers as max_parallel_workers_per_gather allows.
--
-- PostgreSQL sizes a parallel scan by the table's size in pages, not by the
-- cost of the functions it calls: a 200,000-row catalogue gets one worker,
-- 1,000,000 rows three, whatever the setting.  The parallel_workers
-- reloption overrides that, but setting it on the user's table needs its
-- owner and would outlive a crash; so the rows to convert are first copied
-- (key and source only, one cheap pass) into an unlogged input table of
-- ours that carries the reloption, and the CREATE TABLE AS reads that.
-- Below RV_PARALLEL_MIN_ROWS rows the planner's own choice is kept.
--
-- Returns {"rows", "workers_planned", "workers_launched"}, taken from
-- EXPLAIN ANALYZE of the statement (which runs it).
CREATE FUNCTION revrit_convert_compute(scratch text, input text,
                                       keys text, nkeys integer, source name,
                                       rel text, filter text, fn text,
                                       ana_fn text)
RETURNS jsonb
LANGUAGE plpgsql
SECURITY INVOKER
AS $fn$
DECLARE
    c_min_rows  CONSTANT bigint := 5000;
    v_rows      bigint;
    v_workers   integer := pg_catalog.current_setting('max_parallel_workers_per_gather')::integer;
    v_plan      jsonb;
BEGIN
    -- (no alias for the table: the filter may name it)
    EXECUTE format('CREATE UNLOGGED TABLE %s AS SELECT %s, %I AS s FROM %s WHERE %s AND %I IS NOT NULL',
                   input, keys, source, rel, filter, source);
    GET DIAGNOSTICS v_rows = ROW_COUNT;
    IF v_rows >= c_min_rows AND v_workers > 0 THEN
        EXECUTE format('ALTER TABLE %s SET (parallel_workers = %s)', input, v_workers);
    END IF;
    EXECUTE format('ANALYZE %s', input);
    EXECUTE format('EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF, FORMAT JSON) '
                   'CREATE UNLOGGED TABLE %s AS SELECT %s, '
                   'pg_catalog.hashtextextended(s COLLATE "C", 0) AS h, %s(s) AS v%s FROM %s',
                   scratch,
                   (SELECT string_agg(format('k%s', o), ', ' ORDER BY o)
                      FROM generate_series(1, nkeys) AS o),
                   fn, CASE WHEN ana_fn IS NULL THEN '' ELSE format(', %s(s) AS a', ana_fn) END,
                   input)
       INTO v_plan;
    EXECUTE format('DROP TABLE %s', input);
    RETURN jsonb_build_object(
        'rows', v_rows,
        'workers_planned', coalesce(pg_catalog.jsonb_path_query_first(v_plan, 'strict $.**."Workers Planned"'), '0'),
        'workers_launched', coalesce(pg_catalog.jsonb_path_query_first(v_plan, 'strict $.**."Workers Launched"'), '0'));
END
$fn$;

-- Work tables of conversions that can never resume: their table, or its
-- target column, was dropped meanwhile.  The names carry the table's oid
-- and the column's number (50_convert.sql); an unlogged scratch holds a
-- converted copy of the column, so leaving it would keep that space taken
-- forever.  Called by revrit_convert on the caller's own work schema.
CREATE FUNCTION revrit_convert_drop_orphans(work name)
RETURNS integer
LANGUAGE plpgsql
SECURITY INVOKER
AS $fn$
DECLARE
    r       record;
    n       integer := 0;
BEGIN
    FOR r IN
        SELECT c.relname
          FROM pg_catalog.pg_class c,
               LATERAL pg_catalog.regexp_match(c.relname, '^convert_([0-9]+)_([0-9]+)(_state|_input)?$') AS m
         WHERE c.relnamespace = work::regnamespace AND c.relkind = 'r' AND m IS NOT NULL
           AND NOT EXISTS (SELECT FROM pg_catalog.pg_attribute a
                            WHERE a.attrelid = m[1]::oid AND a.attnum = m[2]::smallint
                              AND NOT a.attisdropped)
    LOOP
        EXECUTE format('DROP TABLE IF EXISTS %I.%I', work, r.relname);
        n := n + 1;
    END LOOP;
    IF n > 0 THEN
        RAISE NOTICE 'revrit_convert: dropped % work tables of conversions whose table or column no longer exists', n;
    END IF;
    RETURN n;
END
$fn$;
