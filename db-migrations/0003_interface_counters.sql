-- 0003: interface counters from sFlow counter samples (generic interface counters, sflow_version_5.txt
-- "struct if_counters"), one row per sample, so interface utilisation can be drawn next to the flows.
-- Low volume (one row per interface every 20-30 s), so a plain table with an index suffices on
-- PostgreSQL; on TimescaleDB it is a hypertable with 1-day chunks and the same 90-day retention.
CREATE TABLE interface_counters (
    time_received         timestamptz NOT NULL,
    exporter              inet        NOT NULL,
    observation_domain_id bigint      NOT NULL,
    if_index              bigint      NOT NULL,
    if_type               bigint      NOT NULL,
    if_speed              numeric(20) NOT NULL, -- bits/s as a u64: above bigint's range on 100G+ in theory
    if_direction          smallint    NOT NULL,
    if_status             smallint    NOT NULL,
    in_octets             numeric(20) NOT NULL, -- 64-bit counters
    in_unicast_packets    bigint      NOT NULL,
    in_multicast_packets  bigint      NOT NULL,
    in_broadcast_packets  bigint      NOT NULL,
    in_discards           bigint      NOT NULL,
    in_errors             bigint      NOT NULL,
    in_unknown_protos     bigint      NOT NULL,
    out_octets            numeric(20) NOT NULL,
    out_unicast_packets   bigint      NOT NULL,
    out_multicast_packets bigint      NOT NULL,
    out_broadcast_packets bigint      NOT NULL,
    out_discards          bigint      NOT NULL,
    out_errors            bigint      NOT NULL
);

CREATE INDEX interface_counters_interface_time ON interface_counters (exporter, if_index, time_received);

INSERT INTO flowviz_settings (key, value) VALUES ('counters_retention', '90 days');

DO $migration$
BEGIN
    IF (SELECT value FROM flowviz_settings WHERE key = 'flows_layout') = 'timescaledb_hypertable' THEN
        EXECUTE $sql$SELECT create_hypertable('interface_counters', 'time_received', chunk_time_interval => interval '1 day')$sql$;
        EXECUTE $sql$SELECT add_retention_policy('interface_counters', drop_after => interval '90 days', if_not_exists => true)$sql$;
    END IF;
END
$migration$;
