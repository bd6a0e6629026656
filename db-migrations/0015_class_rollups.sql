-- 0015: a rollup keyed by interface class, so a connectivity / provider / boundary answer reads a few rows per bucket
-- instead of every interface pair of the interface cube through two joins on interface_classes.
--
-- Measured reason (tests/FlowViz.Benchmarks --rollup-queries --explain, README "Rollups and the dashboard query
-- benchmark"): the 7-day connectivity series read ~170 hourly buckets of rollup_iface_1h (~2,500 interface pairs
-- each) and hashed every row twice into interface_classes: p95 292 ms on a quiet machine, the slowest dashboard query.
--
-- rollup_class_{5m|1h|6h|1d|1w}: per bucket and traffic_direction, the sums of the interface cube's rows grouped by
-- the class each row has under the classes of interface_classes (connectivity, provider, boundary as
-- Queries/DimensionSql computes them: the input interface's class when it is external, else the output's). Built by
-- Storage/Rollups/ClassRollupBuilder from rollup_iface at the same resolution (no 1-minute level: the minutes are the
-- writer's and stay in the interface cube). Classes are still applied at query time: class_rollup_state records, per
-- resolution, the interval the rows cover AND the classification they were computed under (a digest of
-- interface_classes), and the planner reads them only while that digest equals the current one. A rule change (or a
-- new classified interface) changes the digest in the transaction that changes the classes, so the very next answer
-- comes from the interface cube under the new classes, and the builder recomputes the class rows in the background.
--
-- interface_classes_digest holds md5 of interface_classes' rows, kept by a statement trigger, so every writer of the
-- classes (InterfaceClassesRebuilder, tests, an operator with psql) moves it in its own transaction; a rebuild that
-- yields the same classes (a restart, a renamed interface without a new class) keeps it, and the class rows stay valid.
--
-- TimescaleDB: hypertables with the chunk intervals and compression ages of the interface cube at each resolution.
-- Plain PostgreSQL: a btree on bucket. Retention follows the interface cube's coverage (the builder deletes rows older
-- than it).

CREATE TABLE interface_classes_digest (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    digest   text NOT NULL
);

CREATE FUNCTION flowviz_interface_classes_digest() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT md5(coalesce(string_agg(
        concat_ws(chr(31), host(if_exporter), if_index::text, coalesce(connectivity, chr(30)), coalesce(provider, chr(30)),
                  coalesce(boundary, chr(30))),
        chr(29) ORDER BY if_exporter, if_index), ''))
    FROM interface_classes
$$;

-- The row lock first: a concurrent writer of the classes (product writers serialise on InterfaceClassesRebuilder's advisory
-- lock; psql does not) commits before the digest is computed, and under READ COMMITTED the next statement's snapshot holds
-- its rows, so the digest always describes what a reader will see (under REPEATABLE READ the second writer fails instead).
CREATE FUNCTION flowviz_record_interface_classes_digest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM interface_classes_digest WHERE only_row FOR UPDATE;
    INSERT INTO interface_classes_digest (only_row, digest) VALUES (true, flowviz_interface_classes_digest())
    ON CONFLICT (only_row) DO UPDATE SET digest = excluded.digest;
    RETURN NULL;
END
$$;

CREATE TRIGGER interface_classes_digest AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON interface_classes
    FOR EACH STATEMENT EXECUTE FUNCTION flowviz_record_interface_classes_digest();

INSERT INTO interface_classes_digest (only_row, digest) VALUES (true, flowviz_interface_classes_digest());

CREATE TABLE class_rollup_state (
    resolution     text PRIMARY KEY CHECK (resolution IN ('5m', '1h', '6h', '1d', '1w')),
    classification text        NOT NULL,
    covered_from   timestamptz NOT NULL,
    covered_to     timestamptz NOT NULL
);

DO $migration$
DECLARE
    -- resolution, chunk interval, compress after: those of the interface cube (0005, 0010, 0012).
    resolutions CONSTANT text[][] := ARRAY[
        ['5m', '7 days', '14 days'], ['1h', '30 days', '60 days'], ['6h', '90 days', '60 days'],
        ['1d', '365 days', '120 days'], ['1w', '365 days', '120 days']];
    timescale CONSTANT boolean := (SELECT value FROM flowviz_settings WHERE key = 'flows_layout') = 'timescaledb_hypertable';
    table_name text;
BEGIN
    FOR r IN 1 .. array_length(resolutions, 1) LOOP
        table_name := format('rollup_class_%s', resolutions[r][1]);
        EXECUTE format('CREATE TABLE %I (bucket timestamptz NOT NULL, traffic_direction smallint NOT NULL, '
            || 'connectivity text, provider text, boundary text, '
            || 'flows bigint NOT NULL, packets bigint NOT NULL, bytes bigint NOT NULL)', table_name);
        IF timescale THEN
            EXECUTE format('SELECT create_hypertable(%L, %L, chunk_time_interval => %L::interval)',
                table_name, 'bucket', resolutions[r][2]);
            EXECUTE format('ALTER TABLE %I SET (timescaledb.compress, timescaledb.compress_orderby = %L)',
                table_name, 'bucket DESC');
            EXECUTE format('SELECT add_compression_policy(%L, compress_after => %L::interval, if_not_exists => true)',
                table_name, resolutions[r][3]);
        ELSE
            EXECUTE format('CREATE INDEX %I ON %I (bucket)', table_name || '_bucket', table_name);
        END IF;
    END LOOP;
END
$migration$;
