-- 0010: a 1-day resolution for every cube, and indexes that let the AS analysis read only the rows it asks for.
--
-- Days: rollup_{cube}_1d, filled from the 1-hour rows by RollupBuilder like the other resolutions (buckets aligned
-- to the Unix epoch, i.e. UTC days). The keys of real traffic recur hour after hour (the same ASes over the same
-- interfaces), so a day row replaces up to 24 hour rows: a 30-day top-N reads ~30 rows per key instead of ~720.
-- The query planner reads a day only where the whole day lies in the range (the edges come from finer tables),
-- and series only when the step is a whole number of days, so answers stay exact.
--
-- AS indexes: "origin AS N by interface" filters src_as / dst_as, "interface X by AS" filters exporter and
-- input_if / output_if, the origin AS filter reads the CASE of DimensionSql.OriginAs (the same text, so the
-- expression index matches). Each has the bucket last, so a time range inside one key is one index range.
--
-- Flows on plain PostgreSQL: a btree on time_received (TimescaleDB's hypertable has one already). The flow
-- explorer's first page (newest 100 of 24 h) sorted every row of the range with BRIN only: 58 s p50 on 5 M rows,
-- 25 ms with this index (tests/FlowViz.Benchmarks --flow-page, README "Flow explorer"). Created on the partitioned
-- parent, so every daily partition gets it; on an existing large table this migration holds writes while it builds.

ALTER TABLE rollup_state DROP CONSTRAINT rollup_state_resolution_check;
ALTER TABLE rollup_state ADD CONSTRAINT rollup_state_resolution_check CHECK (resolution IN ('1m', '5m', '1h', '1d'));

INSERT INTO flowviz_settings (key, value) VALUES ('rollup_1d_retention', '730 days');

DO $migration$
DECLARE
    -- The dimension columns of each cube, as 0005 created them.
    cubes CONSTANT text[][] := ARRAY[
        ['app',     'application text'],
        ['host',    'local_host inet'],
        ['proto',   'protocol smallint NOT NULL, exporter inet'],
        ['iface',   'exporter inet, input_if bigint NOT NULL, output_if bigint NOT NULL'],
        ['as',      'src_as bigint NOT NULL, dst_as bigint NOT NULL, exporter inet, input_if bigint NOT NULL, output_if bigint NOT NULL'],
        ['country', 'src_country text, dst_country text']];
    as_indexes CONSTANT text[][] := ARRAY[
        ['src_as',   'src_as, bucket'],
        ['dst_as',   'dst_as, bucket'],
        ['origin',   '(CASE traffic_direction WHEN 1 THEN src_as WHEN 2 THEN dst_as END), bucket'],
        ['input',    'exporter, input_if, bucket'],
        ['output',   'exporter, output_if, bucket']];
    timescale CONSTANT boolean := (SELECT value FROM flowviz_settings WHERE key = 'flows_layout') = 'timescaledb_hypertable';
    table_name text;
BEGIN
    FOR c IN 1 .. array_length(cubes, 1) LOOP
        table_name := format('rollup_%s_1d', cubes[c][1]);
        EXECUTE format('CREATE TABLE %I (bucket timestamptz NOT NULL, traffic_direction smallint NOT NULL, %s, '
            || 'flows bigint NOT NULL, packets bigint NOT NULL, bytes bigint NOT NULL)', table_name, cubes[c][2]);
        IF timescale THEN
            -- A year per chunk; compressed after 120 days, past any late-flow re-aggregation.
            EXECUTE format('SELECT create_hypertable(%L, %L, chunk_time_interval => %L::interval)', table_name, 'bucket', '365 days');
            EXECUTE format('ALTER TABLE %I SET (timescaledb.compress, timescaledb.compress_orderby = %L)', table_name, 'bucket DESC');
            EXECUTE format('SELECT add_compression_policy(%L, compress_after => %L::interval, if_not_exists => true)', table_name, '120 days');
        ELSE
            EXECUTE format('CREATE INDEX %I ON %I (bucket)', table_name || '_bucket', table_name);
        END IF;
    END LOOP;
    FOREACH table_name IN ARRAY ARRAY['rollup_as_1m', 'rollup_as_5m', 'rollup_as_1h', 'rollup_as_1d'] LOOP
        FOR i IN 1 .. array_length(as_indexes, 1) LOOP
            EXECUTE format('CREATE INDEX %I ON %I (%s)', table_name || '_' || as_indexes[i][1], table_name, as_indexes[i][2]);
        END LOOP;
    END LOOP;
END
$migration$;

DO $flows_index$
BEGIN
    IF (SELECT value FROM flowviz_settings WHERE key = 'flows_layout') = 'native_daily_partitions' THEN
        CREATE INDEX flows_time_received ON flows (time_received);
    END IF;
END
$flows_index$;
