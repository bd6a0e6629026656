-- 0005: rollups ("cubes") of the flows at 1 minute, 5 minutes and 1 hour, for both layouts of 0001.
--
-- Each cube keeps the dimensions one family of dashboards graphs, plus traffic_direction (for the in/out split)
-- and the sums flows (record count), packets and bytes (both multiplied by the sampling rate, as the queries
-- count them). Column names equal the flows columns they come from (local_host is derived), so one filter or
-- dimension expression reads the same on flows and on a cube. Interface classes are never stored: queries
-- LEFT JOIN interface_classes on (exporter, input_if) and (exporter, output_if), as on raw flows.
--   app      application                                  per-application graphs (CUFlow's services)
--   host     local_host                                   top local hosts
--   proto    protocol, exporter                           overview, per-exporter views
--   iface    exporter, input_if, output_if                interfaces and connectivity / provider / boundary
--   as       src_as, dst_as, exporter, input_if, output_if  AS analysis (origin AS, via transit / IX / PNI)
--   country  src_country, dst_country                     countries
-- Filled by FlowViz.Storage.Rollups.RollupBuilder: 1 m from flows, 5 m from 1 m, 1 h from 5 m, bucket by bucket
-- (delete + insert in one transaction, so computing a bucket twice gives the same rows).
-- rollup_state records per resolution the interval [covered_from, covered_to) whose buckets are complete;
-- covered_to is the watermark. rollup_minute_counts holds the number of flows each 1-minute bucket was
-- computed from, so late flows (spool replay) are found by comparing counts.

CREATE TABLE rollup_state (
    resolution   text PRIMARY KEY CHECK (resolution IN ('1m', '5m', '1h')),
    covered_from timestamptz NOT NULL,
    covered_to   timestamptz NOT NULL
);

CREATE TABLE rollup_minute_counts (
    bucket timestamptz PRIMARY KEY,
    flows  bigint NOT NULL
);

INSERT INTO flowviz_settings (key, value) VALUES
    ('rollup_1m_retention', '7 days'),
    ('rollup_5m_retention', '90 days'),
    ('rollup_1h_retention', '730 days');

DO $migration$
DECLARE
    cubes CONSTANT text[][] := ARRAY[
        ['app',     'application text'],
        ['host',    'local_host inet'],
        ['proto',   'protocol smallint NOT NULL, exporter inet'],
        ['iface',   'exporter inet, input_if bigint NOT NULL, output_if bigint NOT NULL'],
        ['as',      'src_as bigint NOT NULL, dst_as bigint NOT NULL, exporter inet, input_if bigint NOT NULL, output_if bigint NOT NULL'],
        ['country', 'src_country text, dst_country text']];
    -- resolution, chunk interval, compress after (longer than any late-flow lag, so re-aggregation meets
    -- uncompressed chunks).
    resolutions CONSTANT text[][] := ARRAY[['1m', '1 day', '2 days'], ['5m', '7 days', '14 days'], ['1h', '30 days', '60 days']];
    timescale CONSTANT boolean := (SELECT value FROM flowviz_settings WHERE key = 'flows_layout') = 'timescaledb_hypertable';
    table_name text;
BEGIN
    FOR c IN 1 .. array_length(cubes, 1) LOOP
        FOR r IN 1 .. array_length(resolutions, 1) LOOP
            table_name := format('rollup_%s_%s', cubes[c][1], resolutions[r][1]);
            EXECUTE format('CREATE TABLE %I (bucket timestamptz NOT NULL, traffic_direction smallint NOT NULL, %s, '
                || 'flows bigint NOT NULL, packets bigint NOT NULL, bytes bigint NOT NULL)', table_name, cubes[c][2]);
            IF timescale THEN
                -- create_hypertable adds the (bucket DESC) index every range scan uses.
                EXECUTE format('SELECT create_hypertable(%L, %L, chunk_time_interval => %L::interval)',
                    table_name, 'bucket', resolutions[r][2]);
                EXECUTE format('ALTER TABLE %I SET (timescaledb.compress, timescaledb.compress_orderby = %L)',
                    table_name, 'bucket DESC');
                EXECUTE format('SELECT add_compression_policy(%L, compress_after => %L::interval, if_not_exists => true)',
                    table_name, resolutions[r][3]);
            ELSE
                -- Plain tables: a time range is a btree range scan; retention is a DELETE on the same index
                -- (RollupBuilder), small next to the flows it summarises.
                EXECUTE format('CREATE INDEX %I ON %I (bucket)', table_name || '_bucket', table_name);
            END IF;
        END LOOP;
    END LOOP;
END
$migration$;
