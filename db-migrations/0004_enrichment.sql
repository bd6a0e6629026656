-- 0004: what enrichment adds to each flow at ingest, and the interface classes queries join at read time.
--
-- Columns: appended at the end of flows in FlowColumns order (the binary COPY order). On a TimescaleDB
-- hypertable with compression, ADD COLUMN of a nullable column or one with a constant default is allowed
-- on compressed chunks; both layouts take the same statements.

ALTER TABLE flows
    ADD COLUMN src_country       text,
    ADD COLUMN dst_country       text,
    ADD COLUMN application       text,
    ADD COLUMN traffic_direction smallint NOT NULL DEFAULT 0;

-- The class of each interface, as the classification rules decide it now. Queries LEFT JOIN this table on
-- (exporter, input_if) and (exporter, output_if), so changing a rule re-classifies past traffic too: flows
-- and rollups keep only the interface index, never its class. Column names are prefixed so they never
-- collide with a flows or rollup column in an unqualified expression.
-- Boundary: 'external' (the network's edge: transit, IX, PNI, customer) or 'internal' (core, …).
CREATE TABLE interface_classes (
    if_exporter  inet   NOT NULL,
    if_index     bigint NOT NULL,
    connectivity text,
    provider     text,
    boundary     text CHECK (boundary IN ('external', 'internal')),
    PRIMARY KEY (if_exporter, if_index)
);
