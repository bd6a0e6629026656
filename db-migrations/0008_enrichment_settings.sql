-- 0008: local networks and application rules stored in the database, versioned like the interface rules (0006).
--
-- Each save is a new version (a row of *_sets) with its rows; versions are never changed, so the history says who
-- changed what and when. The newest version is in force. At start FlowViz seeds a first version from configuration
-- (Enrichment:Networks, Enrichment:Applications) when there is none, and re-seeds when the version in force came
-- from configuration and the configuration changed; a version saved by a person (source 'api') is kept.

CREATE TABLE local_network_sets (
    version    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source     text        NOT NULL CHECK (source IN ('configuration', 'api')),
    saved_by   text,
    comment    text,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE local_networks (
    set_version bigint  NOT NULL REFERENCES local_network_sets (version),
    position    integer NOT NULL CHECK (position >= 0),
    name        text    NOT NULL CHECK (name <> ''),
    prefix      cidr    NOT NULL,
    PRIMARY KEY (set_version, position)
);

-- Rules in order: a later rule replaces an earlier one on the same protocol and port. protocol and ports keep the
-- text the person wrote ("tcp,udp", "80,8080,6000-6063"; ports empty = the whole protocol), checked when saved.
CREATE TABLE application_rule_sets (
    version    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source     text        NOT NULL CHECK (source IN ('configuration', 'api')),
    saved_by   text,
    comment    text,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE application_rules (
    set_version bigint  NOT NULL REFERENCES application_rule_sets (version),
    position    integer NOT NULL CHECK (position >= 0),
    name        text    NOT NULL CHECK (name <> ''),
    protocol    text    NOT NULL CHECK (protocol <> ''),
    ports       text    NOT NULL DEFAULT '',
    PRIMARY KEY (set_version, position)
);

-- Who saved each interface rule set through the API (NULL for configuration seeds and sets saved before 0008).
ALTER TABLE interface_rule_sets ADD COLUMN saved_by text;
