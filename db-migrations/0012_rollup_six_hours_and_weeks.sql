-- 0012: two more resolutions for every cube, 6 hours and 1 week, so long ranges read far fewer rows.
--
-- Measured reason (tests/FlowViz.Benchmarks --rollup-queries, README "Rollups and the dashboard query benchmark"): a
-- 30-day AS top-N read 577 k day rows and 164 k hour rows. The keys of real traffic recur day after day (the same ASes
-- over the same uplinks), so a week row replaces up to 7 day rows, and the hours at a range's edges — up to 23 on each
-- side, the costliest part once the middle is in days — become at most 3 six-hour rows and 5 hours per side.
--
-- rollup_{cube}_6h: buckets of 6 hours from the Unix epoch (00:00, 06:00, 12:00, 18:00 UTC), built by RollupBuilder
-- from the hours; the days are now built from the 6-hour rows (the same sums). rollup_{cube}_1w: buckets of 7 days
-- from the Unix epoch (so weeks start on Thursdays, 00:00 UTC), built from the days. Both are exact like every level:
-- the planner reads a bucket only where the whole bucket lies in the range and, for a series, only when the step is a
-- multiple of its width. Retention: the 6-hour rows are kept as long as the hours (RollupHourRetention), the weeks as
-- long as the days (RollupDayRetention); flowviz_settings records them as rollup_6h_retention / rollup_1w_retention.
-- An existing database gets both filled by the builder's next pass (from the hour and day coverage it has), as 0010's
-- days were. The AS cube gets 0010's indexes at both resolutions.

ALTER TABLE rollup_state DROP CONSTRAINT rollup_state_resolution_check;
ALTER TABLE rollup_state ADD CONSTRAINT rollup_state_resolution_check CHECK (resolution IN ('1m', '5m', '1h', '6h', '1d', '1w'));

INSERT INTO flowviz_settings (key, value) VALUES ('rollup_6h_retention', '730 days'), ('rollup_1w_retention', '730 days')
ON CONFLICT (key) DO NOTHING;

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
    -- resolution, chunk interval, compress after (past any late-flow re-aggregation, like the hours and days).
    resolutions CONSTANT text[][] := ARRAY[['6h', '90 days', '60 days'], ['1w', '365 days', '120 days']];
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
        FOR r IN 1 .. array_length(resolutions, 1) LOOP
            table_name := format('rollup_%s_%s', cubes[c][1], resolutions[r][1]);
            EXECUTE format('CREATE TABLE %I (bucket timestamptz NOT NULL, traffic_direction smallint NOT NULL, %s, '
                || 'flows bigint NOT NULL, packets bigint NOT NULL, bytes bigint NOT NULL)', table_name, cubes[c][2]);
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
    END LOOP;
    FOREACH table_name IN ARRAY ARRAY['rollup_as_6h', 'rollup_as_1w'] LOOP
        FOR i IN 1 .. array_length(as_indexes, 1) LOOP
            EXECUTE format('CREATE INDEX %I ON %I (%s)', table_name || '_' || as_indexes[i][1], table_name, as_indexes[i][2]);
        END LOOP;
    END LOOP;
END
$migration$;
