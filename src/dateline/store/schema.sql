-- Dateline store, schema dateline/1. One row per article; child tables hold the
-- extracted facts with the article id; FTS5 indexes article text and quotes.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    url TEXT,
    path TEXT,
    outlet TEXT,
    language TEXT,
    title TEXT,
    published TEXT,
    text TEXT NOT NULL,
    record TEXT NOT NULL,            -- the full record as JSON (the contract)
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at TEXT,                 -- when this row last changed; strictly increasing per store (sync)
    fts_key INTEGER                  -- this row's rowid in articles_fts (a hash of the id: VACUUM keeps it)
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet, published);
CREATE INDEX IF NOT EXISTS articles_recent ON articles(COALESCE(published, ''), id);  -- the lists' default order

CREATE TABLE IF NOT EXISTS entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name);
CREATE INDEX IF NOT EXISTS entities_type_name ON entities(type, name, article_id, mentions);

CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    speaker TEXT,
    speaker_kind TEXT,
    speaker_entity TEXT,
    speaker_role TEXT,
    cue TEXT,
    direct INTEGER NOT NULL,
    confidence REAL,
    fts_key INTEGER,                 -- this row's rowid in quotes_fts
    statement INTEGER,               -- quotes that are one statement share it (see Quote.statement)
    PRIMARY KEY (article_id, n)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id, n, speaker);
CREATE INDEX IF NOT EXISTS quotes_speakers ON quotes(speaker, article_id, speaker_kind);

CREATE TABLE IF NOT EXISTS places (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    place_id TEXT NOT NULL,
    name TEXT NOT NULL,
    geonames_id INTEGER,
    lat REAL,
    lon REAL,
    country_code TEXT,
    admin1 TEXT,
    feature TEXT,
    geo_precision INTEGER,
    confidence REAL,
    PRIMARY KEY (article_id, place_id)
);
CREATE INDEX IF NOT EXISTS places_geonames ON places(geonames_id);

CREATE TABLE IF NOT EXISTS events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    sub_event_type TEXT,
    actor1 TEXT,
    actor2 TEXT,
    location TEXT,
    lat REAL,
    lon REAL,
    country_code TEXT,
    date TEXT,
    time_precision INTEGER,
    fatalities INTEGER,
    evidence TEXT,
    confidence REAL,
    PRIMARY KEY (article_id, n)
);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_latest ON events(COALESCE(date, '') DESC, article_id DESC, n);
CREATE INDEX IF NOT EXISTS events_country_date ON events(country_code, date);
CREATE INDEX IF NOT EXISTS events_type_date ON events(event_type, date);

-- Articles deleted from the store, so a client syncing with updated_since learns of them.
CREATE TABLE IF NOT EXISTS deletions (
    article_id TEXT PRIMARY KEY,
    deleted_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deletions_at ON deletions(deleted_at);

CREATE TABLE IF NOT EXISTS failures (
    origin TEXT PRIMARY KEY,
    stage TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    article_id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(
    article_id UNINDEXED, n UNINDEXED, text, speaker, tokenize = 'unicode61 remove_diacritics 2'
);
