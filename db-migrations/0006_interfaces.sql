-- 0006: what FlowViz knows about each exporter interface, and the versioned rules that classify them.
--
-- The classes themselves live in interface_classes (0004), which queries LEFT JOIN at read time. FlowViz
-- (FlowViz.Storage.Interfaces) recomputes that table from the current rule set and the interfaces below, in
-- one transaction, whenever either changes, so a rule change re-classifies past traffic too.

-- One row per interface and per source that told us about it, so a source never overwrites another:
-- 'configuration' (Interfaces:Configured), 'options' (v9/IPFIX options data, IEs 82/83 ifName/ifDescription),
-- 'sflow' (the speed of sFlow counter samples), 'flows' (an index seen in flows, nothing else known).
-- Removing an interface from the configuration deletes only its 'configuration' row.
CREATE TABLE interfaces (
    exporter    inet        NOT NULL,
    if_index    bigint      NOT NULL,
    source      text        NOT NULL CHECK (source IN ('configuration', 'options', 'sflow', 'flows')),
    name        text,
    description text,
    speed_bps   bigint      CHECK (speed_bps >= 0), -- bits/s; bigint holds 9.2 Ebit/s
    first_seen  timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL,
    PRIMARY KEY (exporter, if_index, source)
);

-- One row per interface: each attribute from the most trusted source that has it. The configuration wins
-- (a person wrote it); for the speed, sFlow counters (measured now) come before options data.
CREATE VIEW known_interfaces AS
SELECT i.exporter,
       i.if_index,
       (array_agg(i.name ORDER BY p.name_rank) FILTER (WHERE i.name IS NOT NULL))[1]               AS name,
       (array_agg(i.description ORDER BY p.name_rank) FILTER (WHERE i.description IS NOT NULL))[1] AS description,
       (array_agg(i.speed_bps ORDER BY p.speed_rank) FILTER (WHERE i.speed_bps IS NOT NULL))[1]    AS speed_bps,
       array_agg(i.source ORDER BY p.name_rank)                                                   AS sources,
       min(i.first_seen)                                                                          AS first_seen,
       max(i.last_seen)                                                                           AS last_seen
FROM interfaces i
JOIN (VALUES ('configuration', 1, 1), ('options', 2, 3), ('sflow', 3, 2), ('flows', 4, 4))
     AS p (source, name_rank, speed_rank) ON p.source = i.source
GROUP BY i.exporter, i.if_index;

-- Every rule set ever saved, newest = current. Rules are an ordered JSON array (first match wins), in the
-- form the API reads and writes; a set is never changed once saved, so the history says who classified what.
CREATE TABLE interface_rule_sets (
    version    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    rules      jsonb       NOT NULL CHECK (jsonb_typeof(rules) = 'array'),
    source     text        NOT NULL CHECK (source IN ('configuration', 'api')),
    comment    text,
    created_at timestamptz NOT NULL DEFAULT now()
);
