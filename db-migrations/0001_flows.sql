-- 0001: the flows table, in one of two physical layouts chosen here, once, by what the server offers.
--
-- The column list must equal FlowViz.Core.Flows.FlowColumns (same names, types and order: it is the
-- binary COPY column order). A storage test compares this table with the catalogue.
-- The migration runner wraps this file in a transaction: nothing here may need to run outside one
-- (no CREATE INDEX CONCURRENTLY, no VACUUM).

-- Small key/value facts about this database that code and people may want to read back.
CREATE TABLE flowviz_settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);

DO $migration$
DECLARE
    -- Address columns are NULL when the exporter sent none (FlowAddress.IsNone); the rest are NOT NULL.
    flow_columns CONSTANT text := $columns$
        time_received         timestamptz NOT NULL,
        time_start            timestamptz NOT NULL,
        time_end              timestamptz NOT NULL,
        exporter              inet,
        observation_domain_id bigint      NOT NULL,
        flow_protocol         smallint    NOT NULL,
        src_addr              inet,
        dst_addr              inet,
        next_hop              inet,
        src_port              integer     NOT NULL,
        dst_port              integer     NOT NULL,
        protocol              smallint    NOT NULL,
        tcp_flags             smallint    NOT NULL,
        tos                   smallint    NOT NULL,
        input_if              bigint      NOT NULL,
        output_if             bigint      NOT NULL,
        bytes                 bigint      NOT NULL,
        packets               bigint      NOT NULL,
        sampling_rate         bigint      NOT NULL,
        src_as                bigint      NOT NULL,
        dst_as                bigint      NOT NULL,
        src_mask              smallint    NOT NULL,
        dst_mask              smallint    NOT NULL,
        src_vlan              integer     NOT NULL,
        dst_vlan              integer     NOT NULL,
        direction             smallint    NOT NULL,
        src_mac               bigint      NOT NULL,
        dst_mac               bigint      NOT NULL,
        mpls_label            integer     NOT NULL
    $columns$;
    timescale    boolean := false;
BEGIN
    -- Use TimescaleDB when the server offers it. CREATE EXTENSION can still fail (on a stock server the
    -- library must be in shared_preload_libraries), so it is tried in a sub-transaction, and a failure
    -- falls back to native partitioning with a warning; flowviz_settings records which layout was chosen.
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS timescaledb;
            timescale := true;
        EXCEPTION WHEN OTHERS THEN
            RAISE WARNING 'timescaledb is available but CREATE EXTENSION failed (%); using native partitioning', SQLERRM;
        END;
    END IF;
    IF timescale THEN
        EXECUTE 'CREATE TABLE flows (' || flow_columns || ')';
        -- One-hour chunks: a busy collector writes millions of rows an hour, and an hour is the
        -- unit later rollups and compression work in; create_hypertable also adds the
        -- (time_received DESC) btree index every time filter uses.
        EXECUTE $sql$SELECT create_hypertable('flows', 'time_received', chunk_time_interval => interval '1 hour')$sql$;
        INSERT INTO flowviz_settings (key, value) VALUES ('flows_layout', 'timescaledb_hypertable');
    ELSE
        -- Daily partitions (UTC days): queries of a day or a week touch 1-8 partitions, a year of
        -- retention is 365 tables (hourly would be 8,760, which native partitioning plans slowly),
        -- and dropping a day is the natural retention step. The application creates partitions
        -- ahead of time (flowviz_create_flow_partitions below). No DEFAULT partition on purpose:
        -- rows parked there would block creating the real partition for their day.
        EXECUTE 'CREATE TABLE flows (' || flow_columns || ') PARTITION BY RANGE (time_received)';
        -- time_received grows with insertion order, so a BRIN index is tiny and prunes well
        -- inside a partition; created on the parent, it is added to every partition.
        EXECUTE 'CREATE INDEX flows_time_received_brin ON flows USING brin (time_received)';
        INSERT INTO flowviz_settings (key, value) VALUES ('flows_layout', 'native_daily_partitions');
    END IF;
END
$migration$;

-- Creates the missing daily partitions covering [from_time, to_time] (UTC days) and returns how many
-- it created. A no-op (0) when flows is a hypertable, so callers need not know the layout.
-- Serialised by a transaction-level advisory lock: two writers racing to create the same day would
-- otherwise fail with a duplicate-relation error.
CREATE FUNCTION flowviz_create_flow_partitions(from_time timestamptz, to_time timestamptz)
RETURNS integer
LANGUAGE plpgsql
AS $function$
DECLARE
    day     date := (from_time AT TIME ZONE 'UTC')::date;
    last    date := (to_time AT TIME ZONE 'UTC')::date;
    created integer := 0;
    name    text;
BEGIN
    IF (SELECT relkind FROM pg_class WHERE oid = 'flows'::regclass) <> 'p' THEN
        RETURN 0;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('flowviz_create_flow_partitions'));
    WHILE day <= last LOOP
        name := 'flows_p' || to_char(day, 'YYYYMMDD');
        IF to_regclass(quote_ident(name)) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF flows FOR VALUES FROM (%L) TO (%L)',
                name, day::timestamp AT TIME ZONE 'UTC', (day + 1)::timestamp AT TIME ZONE 'UTC');
            created := created + 1;
        END IF;
        day := day + 1;
    END LOOP;
    RETURN created;
END
$function$;
