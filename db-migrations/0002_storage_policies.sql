-- 0002: how long raw flows live and when they are compressed, for both layouts of 0001.
--
-- The ages here are the defaults (FlowVizStorageOptions.RawRetention = 15 days, as Akvorado keeps raw
-- flows; CompressAfter = 2 days). StoragePolicies.ApplyAsync re-applies the configured ages at every
-- start-up, so changing the settings needs no new migration; these rows and jobs only make a freshly
-- migrated database right before the host has run it.

INSERT INTO flowviz_settings (key, value) VALUES
    ('raw_retention', '15 days'),
    ('compress_after', '2 days');

DO $migration$
BEGIN
    IF (SELECT value FROM flowviz_settings WHERE key = 'flows_layout') = 'timescaledb_hypertable' THEN
        -- Segment by exporter: most filters and the per-exporter views pick one exporter, and its rows
        -- then decompress alone; ordering by time_received DESC within a segment keeps time-range
        -- scans on compressed chunks as selective as the btree on uncompressed ones.
        -- EXECUTE because these reloptions and functions exist only with the extension.
        EXECUTE $sql$ALTER TABLE flows SET (
            timescaledb.compress,
            timescaledb.compress_segmentby = 'exporter',
            timescaledb.compress_orderby = 'time_received DESC')$sql$;
        EXECUTE $sql$SELECT add_compression_policy('flows', compress_after => interval '2 days', if_not_exists => true)$sql$;
        EXECUTE $sql$SELECT add_retention_policy('flows', drop_after => interval '15 days', if_not_exists => true)$sql$;
    END IF;
    -- Native daily partitions: retention is FlowPartitionMaintainer's job (flowviz_drop_flow_partitions
    -- below); PostgreSQL has no compression of whole partitions, so CompressAfter does not apply there.
END
$migration$;

-- Drops the daily partitions of flows that end at or before older_than and returns their names.
-- A partition is dropped only when all of it is older: its upper bound (read back from the catalogue,
-- not from the name, so a partition made by hand is judged by its real range) is <= older_than.
-- A no-op on a hypertable (TimescaleDB's retention job drops chunks there). Serialised with
-- flowviz_create_flow_partitions, so a writer never creates a day that is being dropped under it.
CREATE FUNCTION flowviz_drop_flow_partitions(older_than timestamptz)
RETURNS SETOF text
LANGUAGE plpgsql
AS $function$
DECLARE
    part record;
BEGIN
    IF (SELECT relkind FROM pg_class WHERE oid = 'flows'::regclass) <> 'p' THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('flowviz_create_flow_partitions'));
    FOR part IN
        -- Text now: a dropped table's regclass would print as a bare oid.
        SELECT c.oid::regclass::text AS name,
               -- "FOR VALUES FROM ('…') TO ('…')", printed and read back in this session's time zone.
               (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \(''([^'']+)''\)'))[1]::timestamptz AS upper_bound
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'flows'::regclass
        ORDER BY 2
    LOOP
        IF part.upper_bound <= older_than THEN
            EXECUTE format('DROP TABLE %s', part.name);
            RETURN NEXT part.name;
        END IF;
    END LOOP;
END
$function$;
