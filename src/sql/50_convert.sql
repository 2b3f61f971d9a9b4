-- revrit_convert: convert a column of an existing table in place, in
-- parallel, in committed batches, restartable after a cancel or a crash.
--
-- How it works (docs/converting-tables.md is the user's manual):
--
--  1. Compute.  One CREATE UNLOGGED TABLE ... AS SELECT key, hash(source),
--     revrit(source) into a scratch table, over an unlogged copy of the
--     rows to convert that carries parallel_workers (45_convert_work.sql).
--     PostgreSQL 15 plans CREATE TABLE AS in parallel (it never runs
--     UPDATE or INSERT ... SELECT in parallel), so this is where every core
--     works.  The scratch gets a unique index on the key.
--  2. Apply.  Walk the scratch in key order, batch_size rows per
--     transaction: UPDATE the target from the scratch, advance the
--     high-water mark (the last key applied) in a small *logged* state
--     table in the same transaction, COMMIT.  A batch is therefore applied
--     entirely or not at all, and the mark is exact.
--  3. Finish.  Drop the scratch and the state table.
--
-- Restart.  Both tables have names derived from the table's OID and the
-- target column's number, in the caller's own schema revrit_work_<role oid>
-- (45_convert_work.sql), so a rerun finds them:
--   * after a cancel or an error, the scratch is intact and the apply phase
--     walks it again from the start: rows that already hold their value are
--     read, not written, and a target reset meanwhile is converted again
--     (the mark alone would skip it);
--   * after a crash, crash recovery resets every unlogged table to empty;
--     the logged state still holds the mark, so only the rows after it, and
--     those before it whose target is NULL, are computed again (pg_temp
--     could not be used: it dies with the session).
--
-- A NULL source is never converted: the row's target is left as it is
-- (a hand-entered Hebrew title stays), and the final NOTICE counts them.
-- A batch that fails with a deadlock or a serialization failure (a
-- concurrent writer) is retried, at most c_retries times.
--
-- Safety.  The source column is only read.  Each scratch row keeps a hash
-- of the source text it was computed from; if the row's source changed
-- since, the value is computed afresh from the current source at apply
-- time, so a stale conversion is not written.  Identifiers come from regclass and
-- pg_attribute and are quoted with format('%I'); the procedure is SECURITY
-- INVOKER, so it can do nothing its caller could not do.

CREATE PROCEDURE revrit_convert(
    tbl regclass,
    source name,
    target name,
    batch_size integer DEFAULT 10000,
    only_null_target boolean DEFAULT false,
    where_clause text DEFAULT NULL,
    analyze_column name DEFAULT NULL,
    resume boolean DEFAULT true)
LANGUAGE plpgsql
SECURITY INVOKER
AS $proc$
DECLARE
    c_work      name;           -- the caller's work schema
    c_retries   CONSTANT integer := 5;
    v_ext       text;           -- the extension's schema, quoted, with a dot
    v_compute   jsonb;          -- rows and workers of the compute phase
    v_planned   integer := 0;
    v_launched  integer := 0;
    v_nulls     bigint;
    v_next      text[];
    v_try       integer;
    v_retried   integer := 0;
    v_msg       text;
    v_relid     oid := tbl;
    v_relkind   "char";
    v_relname   name;
    v_rel       text;           -- schema-qualified, quoted table name
    v_from      text;           -- v_rel, with ONLY for a plain table
    v_src_type  oid;
    v_tgt_type  oid;
    v_tgt_mod   integer;
    v_tgt_num   smallint;
    v_ana_type  oid;
    v_fn        text;           -- qualified revrit(text)
    v_ana_fn    text;           -- qualified revrit_analyze(text), or NULL
    v_key       name[];         -- key columns of the table
    v_key_types text[];         -- their types, for casts of the mark
    v_scratch   name;
    v_state     name;
    v_scr       text;           -- qualified, quoted scratch
    v_sta       text;           -- qualified, quoted state table
    v_owner     oid;
    v_filter    text;           -- the WHERE clause of the compute phase
    v_settings  jsonb;          -- what a resumed run must agree with
    v_old       jsonb;
    v_probe     text;
    v_exists    boolean;
    v_last      text[];         -- high-water mark: last key applied
    v_done      bigint;
    v_total     bigint;
    v_rows      bigint;
    v_written   bigint;
    v_run_done  bigint := 0;    -- rows applied by this call
    v_run_written bigint := 0;
    v_t0        timestamptz;
    v_t_apply   timestamptz;
    v_secs      double precision;
    v_rate      double precision;
    -- generated SQL
    q_keys      text;           -- k1, k2, ...
    q_keys_desc text;
    q_after     text;           -- (k1, k2) > ($1[1]::t1, $1[2]::t2)
    q_changed   text;           -- the row does not hold the values yet
    q_join      text;           -- t.pk1 = b.k1 AND ...
    q_mark      text;           -- ARRAY[k1::text, ...]
    q_value     text;
    q_hash      text;           -- hash of the row's current source
    q_set       text;
    q_first     text;           -- the first batch
    q_next      text;           -- every batch after the mark
    i           integer;
BEGIN
    -- Checking the arguments -------------------------------------------

    IF batch_size IS NULL OR batch_size < 1 THEN
        RAISE EXCEPTION 'revrit_convert: batch_size must be at least 1, not %',
            coalesce(batch_size::text, 'NULL')
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF tbl IS NULL OR source IS NULL OR target IS NULL THEN
        RAISE EXCEPTION 'revrit_convert: tbl, source and target must not be NULL'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;

    SELECT c.relkind, c.relname, format('%I.%I', n.nspname, c.relname)
      INTO v_relkind, v_relname, v_rel
      FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE c.oid = v_relid;
    IF v_relkind NOT IN ('r', 'p') THEN
        RAISE EXCEPTION 'revrit_convert: "%" is not a table', v_relname
            USING ERRCODE = 'wrong_object_type';
    END IF;
    -- Key uniqueness of a plain table does not extend to inheritance
    -- children; a partitioned table's key does cover its partitions.
    v_from := CASE v_relkind WHEN 'r' THEN 'ONLY ' ELSE '' END || v_rel;

    -- Source and target: existing, text-like, distinct, target writable.
    SELECT a.atttypid INTO v_src_type
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid = v_relid AND a.attname = source
       AND a.attnum > 0 AND NOT a.attisdropped;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'revrit_convert: column "%" of relation "%" does not exist',
            source, v_relname USING ERRCODE = 'undefined_column';
    END IF;
    SELECT a.atttypid, a.atttypmod, a.attnum INTO v_tgt_type, v_tgt_mod, v_tgt_num
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid = v_relid AND a.attname = target
       AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '';
    IF NOT FOUND THEN
        IF EXISTS (SELECT FROM pg_catalog.pg_attribute a
                    WHERE a.attrelid = v_relid AND a.attname = target
                      AND a.attnum > 0 AND NOT a.attisdropped) THEN
            RAISE EXCEPTION 'revrit_convert: column "%" of relation "%" is a generated column',
                target, v_relname USING ERRCODE = 'generated_always';
        END IF;
        RAISE EXCEPTION 'revrit_convert: column "%" of relation "%" does not exist',
            target, v_relname USING ERRCODE = 'undefined_column';
    END IF;
    IF source = target THEN
        RAISE EXCEPTION 'revrit_convert: source and target are the same column "%"', source
            USING ERRCODE = 'invalid_parameter_value',
                  HINT = 'The source column is never modified: add a target column.';
    END IF;
    IF (SELECT t.typcategory FROM pg_catalog.pg_type t WHERE t.oid = v_src_type) <> 'S' THEN
        RAISE EXCEPTION 'revrit_convert: source column "%" is of type %, not a text type',
            source, pg_catalog.format_type(v_src_type, NULL)
            USING ERRCODE = 'datatype_mismatch';
    END IF;
    IF (SELECT t.typcategory FROM pg_catalog.pg_type t WHERE t.oid = v_tgt_type) <> 'S' THEN
        RAISE EXCEPTION 'revrit_convert: target column "%" is of type %, not a text type',
            target, pg_catalog.format_type(v_tgt_type, NULL)
            USING ERRCODE = 'datatype_mismatch';
    END IF;

    -- The key (46_convert_lookup.sql), and the functions to call.
    v_ext := coalesce((SELECT format('%I.', n.nspname)
                         FROM pg_catalog.pg_extension e
                         JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
                        WHERE e.extname = 'revrit'), '');
    EXECUTE format('SELECT key, key_types FROM %srevrit_convert_key($1)', v_ext)
       INTO v_key, v_key_types USING v_relid;
    IF v_key IS NULL THEN
        RAISE EXCEPTION 'revrit_convert: table "%" has no primary key or unique NOT NULL column', v_relname
            USING ERRCODE = 'object_not_in_prerequisite_state',
                  DETAIL = 'Batches and restarts need a stable key to find each row again; ctid changes on every UPDATE.',
                  HINT = format('Add one, e.g. ALTER TABLE %s ADD COLUMN revrit_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, or convert with CREATE TABLE AS (docs/converting-tables.md).', v_rel);
    END IF;
    IF target = ANY (v_key) THEN
        RAISE EXCEPTION 'revrit_convert: target column "%" is part of the key of "%"', target, v_relname
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    EXECUTE format('SELECT fn, ana_fn FROM %srevrit_convert_functions()', v_ext)
       INTO v_fn, v_ana_fn;
    IF v_fn IS NULL THEN
        RAISE EXCEPTION 'revrit_convert: function revrit(text) not found'
            USING ERRCODE = 'undefined_function';
    END IF;

    IF analyze_column IS NULL THEN
        v_ana_fn := NULL;
    ELSE
        SELECT a.atttypid INTO v_ana_type
          FROM pg_catalog.pg_attribute a
         WHERE a.attrelid = v_relid AND a.attname = analyze_column
           AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '';
        IF NOT FOUND THEN
            RAISE EXCEPTION 'revrit_convert: column "%" of relation "%" does not exist',
                analyze_column, v_relname USING ERRCODE = 'undefined_column';
        END IF;
        IF v_ana_type <> 'jsonb'::regtype THEN
            RAISE EXCEPTION 'revrit_convert: analyze column "%" is of type %, not jsonb',
                analyze_column, pg_catalog.format_type(v_ana_type, NULL)
                USING ERRCODE = 'datatype_mismatch';
        END IF;
        IF analyze_column = source OR analyze_column = target OR analyze_column = ANY (v_key) THEN
            RAISE EXCEPTION 'revrit_convert: analyze column "%" must differ from the source, target and key columns',
                analyze_column USING ERRCODE = 'invalid_parameter_value';
        END IF;
        IF v_ana_fn IS NULL THEN
            RAISE EXCEPTION 'revrit_convert: analyze_column given, but function revrit_analyze(text) does not exist'
                USING ERRCODE = 'undefined_function',
                      HINT = 'Leave analyze_column out, or install a revrit version that has revrit_analyze.';
        END IF;
    END IF;

    -- Privileges, checked now rather than after the expensive compute.
    IF NOT pg_catalog.has_column_privilege(v_relid, target, 'UPDATE')
       OR (analyze_column IS NOT NULL
           AND NOT pg_catalog.has_column_privilege(v_relid, analyze_column, 'UPDATE')) THEN
        RAISE EXCEPTION 'revrit_convert: permission denied to update column "%" of "%"', target, v_relname
            USING ERRCODE = 'insufficient_privilege';
    END IF;

    -- The filter of the compute phase (46_convert_lookup.sql)
    EXECUTE format('SELECT %srevrit_convert_filter($1, $2, $3, $4, $5)', v_ext)
       INTO v_filter USING tbl, v_from, target, only_null_target, where_clause;

    -- Everything a resumed run must agree with, including what changes
    -- revrit's output: the extension version, the revrit.* settings, and
    -- the output on a probe text, which changes with most rule or lexicon
    -- changes (an upgrade keeps the version number while developing).
    EXECUTE format('SELECT pg_catalog.md5(%s($1))', v_fn) INTO v_probe
      USING 'Toldot ha-Yehudim be-Erets Yiśraʼel : meḥḳarim u-teʻudot / ʻarakh Yitsḥaḳ Ḳats, 1948-1949';
    v_settings := jsonb_build_object(
        'probe', v_probe,
        'source', source, 'key', v_key, 'function', v_fn,
        'only_null_target', only_null_target, 'where_clause', where_clause,
        'analyze_column', analyze_column, 'analyze_function', v_ana_fn,
        'version', (SELECT e.extversion FROM pg_catalog.pg_extension e WHERE e.extname = 'revrit'),
        'settings', (SELECT jsonb_object_agg(s.name, s.setting) FROM pg_catalog.pg_settings s
                      WHERE s.name LIKE 'revrit.%'));

    -- Generated SQL pieces ----------------------------------------------
    SELECT string_agg(format('k%s', o), ', ' ORDER BY o),
           string_agg(format('k%s DESC', o), ', ' ORDER BY o),
           string_agg(format('t.%I = b.k%s', k, o), ' AND ' ORDER BY o),
           'ARRAY[' || string_agg(format('k%s::text', o), ', ' ORDER BY o) || ']'
      INTO q_keys, q_keys_desc, q_join, q_mark
      FROM unnest(v_key) WITH ORDINALITY AS u(k, o);
    -- the new mark: the batch's last key, by the key's btree order (not
    -- max(): uuid, bytea and boolean keys have no max aggregate)
    q_mark := format('SELECT %s FROM b ORDER BY %s LIMIT 1', q_mark, q_keys_desc);
    SELECT format('(%s) > (%s)',
                  string_agg(format('k%s', o), ', ' ORDER BY o),
                  string_agg(format('$1[%s]::%s', o, ty), ', ' ORDER BY o))
      INTO q_after
      FROM unnest(v_key_types) WITH ORDINALITY AS u(ty, o);

    -- Value written: the precomputed one, unless the row's source changed
    -- after the compute phase; then it is computed from the current source.
    -- A change is seen by a 64-bit hash of the source bytes (COLLATE "C":
    -- bytes, even under a nondeterministic collation); the scratch keeps the
    -- hash, not the text, to stay narrow.
    q_hash := format('pg_catalog.hashtextextended(t.%I COLLATE "C", 0)', source);
    q_value := format('CASE WHEN %1$s IS NOT DISTINCT FROM b.h THEN b.v ELSE %2$s(t.%3$I) END',
                      q_hash, v_fn, source);
    q_set := format('%I = %s', target, q_value);
    -- A row is written unless it already holds the values and its source is
    -- unchanged (cheaper than comparing with the CASE above).
    q_changed := format('t.%I IS DISTINCT FROM b.v OR %s IS DISTINCT FROM b.h', target, q_hash);
    IF v_ana_fn IS NOT NULL THEN
        q_value := format('CASE WHEN %1$s IS NOT DISTINCT FROM b.h THEN b.a ELSE %2$s(t.%3$I) END',
                          q_hash, v_ana_fn, source);
        q_set := q_set || format(', %I = %s', analyze_column, q_value);
        q_changed := q_changed || format(' OR t.%I IS DISTINCT FROM b.a', analyze_column);
    END IF;

    -- Scratch and state tables: deterministic names, so a rerun finds them.
    v_scratch := format('convert_%s_%s', v_relid, v_tgt_num);
    v_state := v_scratch || '_state';

    -- A procedure can COMMIT only when CALLed outside a transaction block:
    -- fail here, at once, rather than after the compute phase.  In a block
    -- opened by an earlier BEGIN the transaction began before this
    -- statement; other cases fail on the COMMIT below.
    IF pg_catalog.transaction_timestamp() <> pg_catalog.statement_timestamp() THEN
        RAISE EXCEPTION 'revrit_convert: must be called outside a transaction block'
            USING ERRCODE = 'active_sql_transaction',
                  DETAIL = 'It commits after each batch.',
                  HINT = 'CALL it on its own, in autocommit mode.';
    END IF;
    -- The work schema, committed at once: made in the long setup
    -- transaction below it would hold up the role's every other call.
    EXECUTE format('SELECT %srevrit_work_schema($1)', v_ext) INTO c_work USING current_user::regrole;
    COMMIT;

    -- Setup (one transaction): reuse or create the state and scratch ------
    v_t0 := pg_catalog.clock_timestamp();
    v_scr := format('%I.%I', c_work, v_scratch);
    v_sta := format('%I.%I', c_work, v_state);
    -- Serialize concurrent calls for the same table and column.
    PERFORM pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtextextended(v_sta, 0));
    EXECUTE format('SELECT %srevrit_convert_drop_orphans($1)', v_ext) USING c_work;

    FOR i IN 1..2 LOOP
        SELECT c.relowner INTO v_owner
          FROM pg_catalog.pg_class c
         WHERE c.relnamespace = c_work::regnamespace
           AND c.relname = CASE i WHEN 1 THEN v_state ELSE v_scratch END;
        IF FOUND AND v_owner <> (SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) THEN
            RAISE EXCEPTION 'revrit_convert: %.% belongs to role %, not to you', c_work,
                CASE i WHEN 1 THEN v_state ELSE v_scratch END, v_owner::regrole
                USING ERRCODE = 'insufficient_privilege',
                      HINT = 'Run the conversion as that role, or have it dropped.';
        END IF;
    END LOOP;

    v_exists := pg_catalog.to_regclass(v_sta) IS NOT NULL;
    IF v_exists THEN
        EXECUTE format('SELECT settings, done, last_key FROM %s', v_sta)
           INTO v_old, v_done, v_last;
        IF NOT resume THEN
            RAISE NOTICE 'revrit_convert: discarding the unfinished conversion of % (% rows were done)',
                tbl, v_done;
            v_exists := false;
        ELSIF v_old IS DISTINCT FROM v_settings THEN
            RAISE EXCEPTION 'revrit_convert: an unfinished conversion of %.% has other settings', tbl, target
                USING ERRCODE = 'object_in_use',
                      DETAIL = format('unfinished: %s; now: %s', v_old, v_settings),
                      HINT = 'Call again with the same arguments to resume, or with resume => false to start over.';
        END IF;
        IF NOT v_exists THEN
            EXECUTE format('DROP TABLE IF EXISTS %s, %s', v_scr, v_sta);
        END IF;
    END IF;

    IF NOT v_exists THEN
        EXECUTE format('CREATE TABLE %s (settings jsonb NOT NULL, total bigint NOT NULL, '
                       'done bigint NOT NULL, last_key text[], scratch_rows bigint NOT NULL, '
                       'started timestamptz NOT NULL, updated timestamptz NOT NULL)', v_sta);
        EXECUTE format('INSERT INTO %s VALUES ($1, 0, 0, NULL, 0, now(), now())', v_sta)
           USING v_settings;
        v_done := 0;
        v_last := NULL;
    ELSE
        -- An unlogged table is reset to empty by crash recovery: a state
        -- that expects scratch rows with an empty scratch means a crash.
        EXECUTE format('SELECT scratch_rows, total FROM %s', v_sta) INTO v_rows, v_total;
        IF pg_catalog.to_regclass(v_scr) IS NULL THEN
            v_exists := false;
        ELSE
            EXECUTE format('SELECT EXISTS (SELECT FROM %s)', v_scr) INTO v_exists;
            v_exists := v_exists OR v_rows = 0;
        END IF;
        IF v_exists THEN
            RAISE NOTICE 'revrit_convert: resuming the conversion of %: % of % rows were done',
                tbl, v_done, v_total;
            -- walk the scratch again from its start (header comment)
            EXECUTE format('UPDATE %s SET done = 0, last_key = NULL, updated = now()', v_sta);
        ELSE
            RAISE NOTICE 'revrit_convert: resuming the conversion of % after a crash: % rows were done, computing the rest again',
                tbl, v_done;
            EXECUTE format('DROP TABLE IF EXISTS %s', v_scr);
        END IF;
    END IF;

    IF NOT v_exists THEN
        -- The compute phase: one parallel CREATE TABLE AS.
        PERFORM pg_catalog.set_config('application_name',
            left(format('revrit_convert computing %s', tbl), 63), true);
        RAISE NOTICE 'revrit_convert: computing the conversions of %', tbl;
        EXECUTE format('SELECT %srevrit_convert_compute($1, $2, $3, $4, $5, $6, $7, $8, $9)', v_ext)
           INTO v_compute
          USING v_scr, format('%I.%I', c_work, v_scratch || '_input'),
            (SELECT string_agg(format('%I AS k%s', k, o), ', ' ORDER BY o)
               FROM unnest(v_key) WITH ORDINALITY AS u(k, o)),
            cardinality(v_key), source, v_from,
            v_filter || CASE WHEN v_last IS NULL THEN '' ELSE
                -- after a crash: the rows after the mark, and any whose
                -- target was reset meanwhile
                (SELECT format(' AND ((%s) > (%s) OR %I IS NULL)',
                               string_agg(format('%I', k), ', ' ORDER BY o),
                               string_agg(format('%L::%s', v_last[o], v_key_types[o]), ', ' ORDER BY o),
                               target)
                   FROM unnest(v_key) WITH ORDINALITY AS u(k, o)) END,
            v_fn, v_ana_fn;
        v_rows := (v_compute->>'rows')::bigint;
        v_planned := (v_compute->>'workers_planned')::integer;
        v_launched := (v_compute->>'workers_launched')::integer;
        EXECUTE format('CREATE UNIQUE INDEX ON %s (%s)', v_scr, q_keys);
        v_total := v_rows;
        EXECUTE format('UPDATE %s SET scratch_rows = $1, total = $2, done = 0, last_key = NULL, updated = now()', v_sta)
           USING v_rows, v_total;
        v_secs := extract(epoch FROM pg_catalog.clock_timestamp() - v_t0);
        RAISE NOTICE 'revrit_convert: computed % conversions', v_rows
            USING DETAIL = format('%s s, %s rows/s, %s parallel workers planned, %s launched',
                                  round(v_secs::numeric, 1),
                                  round(v_rows / greatest(v_secs, 1e-6)), v_planned, v_launched);
    END IF;
    COMMIT;

    -- Apply phase: one committed transaction per batch ------------------
    -- b: the next batch_size scratch rows in key order (through the
    -- scratch's index); u: the rows written (a row that already holds the
    -- values is left alone); the result: rows in the batch, rows written,
    -- and the new mark.
    FOR i IN 1..2 LOOP
        q_next := format(
            'WITH b AS MATERIALIZED (SELECT * FROM %1$s %2$s ORDER BY %3$s LIMIT $2), '
            '     u AS (UPDATE %4$s t SET %5$s FROM b WHERE %6$s AND t.%9$I IS NOT NULL AND (%7$s) RETURNING 1) '
            'SELECT (SELECT count(*) FROM b), (SELECT count(*) FROM u), '
            '       (%8$s)',
            v_scr, CASE i WHEN 1 THEN '' ELSE 'WHERE ' || q_after END, q_keys,
            v_from, q_set, q_join, q_changed, q_mark, source);
        IF i = 1 THEN
            q_first := q_next;
        END IF;
    END LOOP;
    v_t_apply := pg_catalog.clock_timestamp();
    LOOP
        -- The row lock on the state serializes concurrent callers batch by
        -- batch; each reads the mark only once it holds the lock.  A
        -- concurrent call may have finished (and dropped the state) already,
        -- or may do so while we wait for the lock.
        EXIT WHEN pg_catalog.to_regclass(v_sta) IS NULL;
        BEGIN
            EXECUTE format('SELECT done, total, last_key FROM %s FOR UPDATE', v_sta)
               INTO v_done, v_total, v_last;
        EXCEPTION WHEN undefined_table THEN
            EXIT;
        END;
        PERFORM pg_catalog.set_config('application_name',
            left(format('revrit_convert %s%% %s', floor(100.0 * v_done / greatest(v_total, 1)), tbl), 63),
            true);
        -- Join by key through the key index, never by hashing the table.
        PERFORM pg_catalog.set_config('enable_hashjoin', 'off', true);
        PERFORM pg_catalog.set_config('enable_mergejoin', 'off', true);
        -- A batch and its mark commit together, so losing the last commits
        -- in a crash only means redoing them; the final commit is durable
        -- and makes every earlier one durable too.
        PERFORM pg_catalog.set_config('synchronous_commit', 'off', true);
        -- A deadlock or serialization failure with a concurrent writer
        -- rolls back only this batch (a subtransaction), which is retried.
        v_try := 0;
        LOOP
            BEGIN
                EXECUTE CASE WHEN v_last IS NULL THEN q_first ELSE q_next END
                   INTO v_rows, v_written, v_next
                  USING v_last, batch_size;
                IF v_rows > 0 THEN
                    EXECUTE format('UPDATE %s SET done = $1, last_key = $2, updated = now()', v_sta)
                       USING v_done + v_rows, v_next;
                END IF;
                EXIT;
            EXCEPTION WHEN deadlock_detected OR serialization_failure THEN
                GET STACKED DIAGNOSTICS v_msg = MESSAGE_TEXT;
                v_try := v_try + 1;
                IF v_try > c_retries THEN
                    RAISE;
                END IF;
                v_retried := v_retried + 1;
                RAISE NOTICE 'revrit_convert: batch rolled back (%), retry % of %', v_msg, v_try, c_retries;
                PERFORM pg_catalog.pg_sleep(0.05 * v_try * (1 + pg_catalog.random()));
            END;
        END LOOP;
        IF v_rows = 0 THEN
            COMMIT;
            EXIT;
        END IF;
        v_last := v_next;
        v_done := v_done + v_rows;
        v_run_done := v_run_done + v_rows;
        v_run_written := v_run_written + v_written;
        COMMIT;
        v_secs := extract(epoch FROM pg_catalog.clock_timestamp() - v_t_apply);
        v_rate := v_run_done / greatest(v_secs, 1e-6);
        RAISE NOTICE 'revrit_convert: % of % rows (%)',
            v_done, v_total, round(100.0 * v_done / greatest(v_total, 1), 1) || '%'
            USING DETAIL = format('%s rows/s, ETA %s', round(v_rate),
                                  date_trunc('second', make_interval(secs => (v_total - v_done) / v_rate)));
    END LOOP;

    -- Finish: drop the work tables, durably, in a transaction of its own
    -- (so no concurrent caller waits on our row lock while we drop) -------
    PERFORM pg_catalog.set_config('synchronous_commit', 'on', true);
    IF pg_catalog.to_regclass(v_sta) IS NOT NULL THEN
        EXECUTE format('DROP TABLE IF EXISTS %s, %s', v_scr, v_sta);
    END IF;
    COMMIT;
    EXECUTE format('SELECT count(*) FROM %s WHERE %s AND %I IS NULL', v_from, v_filter, source)
       INTO v_nulls;
    v_secs := extract(epoch FROM pg_catalog.clock_timestamp() - v_t0);
    RAISE NOTICE 'revrit_convert: done, % rows of % converted (% values changed); rows with a NULL source, left as they were: %; parallel workers: % planned, % launched',
        v_done, tbl, v_run_written, v_nulls, v_planned, v_launched
        USING DETAIL = format('%s s for this call, %s rows/s, %s batches retried', round(v_secs::numeric, 1),
                              round(v_run_done / greatest(v_secs, 1e-6)), v_retried);
END
$proc$;

COMMENT ON PROCEDURE revrit_convert(regclass, name, name, integer, boolean, text, name, boolean) IS
    'convert a text column of a table into another column with revrit(), in parallel, in committed batches, restartable';
