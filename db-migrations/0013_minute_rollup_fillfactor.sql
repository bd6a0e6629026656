-- 0013: the 1-minute rollup tables keep 30 % of each page free (fillfactor 70).
--
-- Since 0011 the flow writer adds every batch's sums to the minute rows with INSERT … ON CONFLICT DO UPDATE, so the
-- current minute's rows are updated again by every batch (0.1 row update per flow with 2,000-flow batches, the size the
-- collector flushes by age at tens of thousands of flows/s). At the default fillfactor (100) inserts fill each page, and
-- an update that finds no room on its row's page writes the new version elsewhere with new entries in both indexes
-- (a non-HOT update: 6-8 % of them here). Measured with `FlowViz.Benchmarks --copy-floor 1000000 2` (the writer with
-- 2,000-flow batches, fillfactor 100 and 70 alternated, two runs, four pairs, load 20-38): PostgreSQL CPU per flow
-- 6.62 / 7.23 / 9.07 / 8.82 µs at 100 against 5.55 / 5.85 / 7.65 / 6.99 µs at 70, with 99.3-99.6 % of the updates HOT
-- at 70 against 92-99 % at 100; WAL per flow unchanged (281-283 B). The cost: minute tables about 1.4 times larger.
-- On TimescaleDB the setting goes to the hypertables (and, from there, their chunks); on plain PostgreSQL it applies to
-- pages written from now on.

DO $migration$
DECLARE
    cube text;
BEGIN
    FOREACH cube IN ARRAY ARRAY['app', 'host', 'proto', 'iface', 'as', 'country'] LOOP
        EXECUTE format('ALTER TABLE %I SET (fillfactor = 70)', format('rollup_%s_1m', cube));
    END LOOP;
END
$migration$;
