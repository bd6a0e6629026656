-- 0011: the 1-minute rollups are written with the flows, not re-read from them.
--
-- From now on the flow writer (FlowViz.Storage.Flows.FlowCopyWriter) sums each batch in memory per cube and minute and
-- adds those sums to rollup_{cube}_1m with INSERT … ON CONFLICT DO UPDATE in the same transaction as the batch's COPY:
-- a batch and its sums commit together or not at all, so the minute rows always equal the raw rows, whatever the
-- writers' concurrency, spool replays or late flows. RollupBuilder no longer reads flows: it builds 5 m / 1 h / 1 d from
-- the minute rows as before, and finds minutes that changed after it rolled them up by comparing the minute cube's
-- flow counts with rollup_minute_counts (which keeps its meaning: the flow count each minute was rolled up from).
-- Measured reason (tests/benchmarks/README.md): the builder re-read every closed minute of flows seven times (counts
-- and six cubes) and recounted the last hour every pass, which cost PostgreSQL more than the COPY of the rows.
--
-- 1. A unique key per minute cube, which ON CONFLICT needs: (bucket, traffic_direction, the cube's columns), with
--    NULLS NOT DISTINCT (PostgreSQL 15+) because a NULL exporter, application, country or local host is one key like
--    any other, as GROUP BY treats it. The old builder grouped each minute once, so existing rows are already unique.
--    Leading with bucket, it also serves the bucket range scans; the plain layout's (bucket) index stays for them too.
-- 2. A one-time catch-up: the minutes at or after the 1-minute watermark were not rolled up yet and the writer only adds
--    flows written from now on, so their rows are computed here from the flows already stored (as the old builder
--    would have done). Without a watermark (the builder never ran) that is the flows of the last 7 days (the default
--    RollupMinuteRetention), from a whole hour; the builder then starts at the first minute it finds in the cubes.

DO $migration$
DECLARE
    -- cube, its dimension columns, the expressions over flows that fill them (db-migrations/0005_rollups.sql).
    cubes CONSTANT text[][] := ARRAY[
        ['app',     'application',                                   'application'],
        ['host',    'local_host',                                    'CASE traffic_direction WHEN 1 THEN dst_addr WHEN 2 THEN src_addr WHEN 3 THEN src_addr END'],
        ['proto',   'protocol, exporter',                            'protocol, exporter'],
        ['iface',   'exporter, input_if, output_if',                 'exporter, input_if, output_if'],
        ['as',      'src_as, dst_as, exporter, input_if, output_if', 'src_as, dst_as, exporter, input_if, output_if'],
        ['country', 'src_country, dst_country',                      'src_country, dst_country']];
    since timestamptz := coalesce(
        (SELECT covered_to FROM rollup_state WHERE resolution = '1m'),
        date_trunc('hour', now() - interval '7 days'));
    group_by text;
BEGIN
    FOR c IN 1 .. array_length(cubes, 1) LOOP
        EXECUTE format('CREATE UNIQUE INDEX %I ON %I (bucket, traffic_direction, %s) NULLS NOT DISTINCT',
            format('rollup_%s_1m_key', cubes[c][1]), format('rollup_%s_1m', cubes[c][1]), cubes[c][2]);
        SELECT string_agg(i::text, ', ') INTO group_by
        FROM generate_series(1, 2 + array_length(string_to_array(cubes[c][2], ','), 1)) i;
        EXECUTE format('DELETE FROM %I WHERE bucket >= $1', format('rollup_%s_1m', cubes[c][1])) USING since;
        EXECUTE format('INSERT INTO %I (bucket, traffic_direction, %s, flows, packets, bytes) '
            || 'SELECT date_bin(''1 minute'', time_received, TIMESTAMPTZ ''1970-01-01 00:00:00+00''), traffic_direction, %s, count(*), '
            || 'sum(packets * greatest(sampling_rate, 1)), sum(bytes * greatest(sampling_rate, 1)) '
            || 'FROM flows WHERE time_received >= $1 GROUP BY %s',
            format('rollup_%s_1m', cubes[c][1]), cubes[c][2], cubes[c][3], group_by) USING since;
    END LOOP;
END
$migration$;
