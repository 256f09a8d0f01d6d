-- 0001_init: the whole first schema of Framing Lens.
--
-- Types are kept to INTEGER, REAL and TEXT (plus one BLOB) so that the same
-- schema reads as PostgreSQL with few changes; the FTS5 table and its triggers
-- are the SQLite-only parts.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Outlets are matched by name_key, the case-folded name, so that "Fox News"
-- and "fox news" are one outlet.
CREATE TABLE outlets (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE
);

CREATE TABLE outlet_aliases (
    alias     TEXT NOT NULL,
    alias_key TEXT NOT NULL UNIQUE,
    outlet_id INTEGER NOT NULL REFERENCES outlets(id) ON DELETE CASCADE
);
CREATE INDEX outlet_aliases_outlet ON outlet_aliases(outlet_id);

CREATE TABLE articles (
    id             INTEGER PRIMARY KEY,
    outlet_id      INTEGER REFERENCES outlets(id) ON DELETE SET NULL,
    title          TEXT NOT NULL DEFAULT '',
    url            TEXT NOT NULL DEFAULT '',
    -- published is as given (RFC 3339 or YYYY-MM-DD); published_date is its
    -- YYYY-MM-DD prefix, for range filters and group-bys. Both NULL when unknown.
    published      TEXT,
    published_date TEXT,
    language       TEXT NOT NULL DEFAULT '',
    origin         TEXT NOT NULL DEFAULT '',
    raw            BLOB,
    text           TEXT NOT NULL,
    words          INTEGER NOT NULL DEFAULT 0 CHECK (words >= 0),
    content_hash   TEXT NOT NULL UNIQUE,
    created_at     TEXT NOT NULL
);
CREATE INDEX articles_outlet_date ON articles(outlet_id, published_date);
CREATE INDEX articles_date ON articles(published_date);

-- Full-text index over title and text. Deletes and updates are synced by
-- triggers; inserts by the store itself, once per batch, in the inserting
-- transaction: FTS5 flushes its pending terms at every savepoint, and the
-- batch import uses one savepoint per article.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- An analysis is one engine run over one article. Only current analyses are
-- kept: a new one replaces the old in the same transaction.
CREATE TABLE analyses (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    engine_version   TEXT NOT NULL,
    lexicon_version  TEXT NOT NULL,
    registry_version TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    current          INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)),
    UNIQUE (article_id, engine_version, lexicon_version, registry_version)
);
CREATE UNIQUE INDEX analyses_one_current ON analyses(article_id) WHERE current = 1;

CREATE TABLE hits (
    analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    entry_index INTEGER NOT NULL,
    term        TEXT NOT NULL,
    pattern     TEXT NOT NULL,
    frame       TEXT NOT NULL,
    actor       TEXT NOT NULL,
    valence     INTEGER NOT NULL CHECK (valence BETWEEN -2 AND 2),
    voice       TEXT NOT NULL CHECK (voice IN ('own', 'quoted', 'reported')),
    span_start  INTEGER NOT NULL CHECK (span_start >= 0),
    span_end    INTEGER NOT NULL CHECK (span_end >= span_start),
    scare_quote INTEGER NOT NULL DEFAULT 0 CHECK (scare_quote IN (0, 1)),
    so_called   INTEGER NOT NULL DEFAULT 0 CHECK (so_called IN (0, 1))
);
CREATE INDEX hits_analysis ON hits(analysis_id, seq);
CREATE INDEX hits_pattern ON hits(pattern);

CREATE TABLE quotes (
    analysis_id   INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('direct', 'reported')),
    speaker       TEXT NOT NULL,
    mention       TEXT NOT NULL,
    mention_start INTEGER NOT NULL,
    mention_end   INTEGER NOT NULL,
    cue           TEXT NOT NULL,
    side          TEXT NOT NULL,
    span_start    INTEGER NOT NULL CHECK (span_start >= 0),
    span_end      INTEGER NOT NULL CHECK (span_end >= span_start),
    words         INTEGER NOT NULL CHECK (words >= 0),
    text          TEXT NOT NULL
);
CREATE INDEX quotes_analysis ON quotes(analysis_id, seq);

CREATE TABLE sources (
    analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    side        TEXT NOT NULL,
    role        TEXT NOT NULL,
    direct      INTEGER NOT NULL CHECK (direct >= 0),
    reported    INTEGER NOT NULL CHECK (reported >= 0),
    words       INTEGER NOT NULL CHECK (words >= 0)
);
CREATE INDEX sources_analysis ON sources(analysis_id, seq);

-- Score rows: one per article and frame, side, entry or actor, carrying the
-- article's outlet and date so the dashboard groups without joins.
CREATE TABLE article_scores (
    analysis_id   INTEGER NOT NULL UNIQUE REFERENCES analyses(id) ON DELETE CASCADE,
    article_id    INTEGER NOT NULL,
    outlet_id     INTEGER,
    published     TEXT,
    words         INTEGER NOT NULL,
    hits          INTEGER NOT NULL,
    quotes        INTEGER NOT NULL,
    balance       REAL NOT NULL,
    balance_words REAL NOT NULL,
    unassigned    INTEGER NOT NULL
);
CREATE INDEX article_scores_article ON article_scores(article_id, hits, balance);
CREATE INDEX article_scores_outlet ON article_scores(outlet_id, published, words, hits, balance, balance_words);

CREATE TABLE frame_scores (
    analysis_id  INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
    article_id   INTEGER NOT NULL,
    outlet_id    INTEGER,
    published    TEXT,
    frame        TEXT NOT NULL,
    count        INTEGER NOT NULL,
    own          INTEGER NOT NULL,
    quoted       INTEGER NOT NULL,
    reported     INTEGER NOT NULL,
    per_1000     REAL NOT NULL,
    per_1000_own REAL NOT NULL
);
CREATE INDEX frame_scores_analysis ON frame_scores(analysis_id);
CREATE INDEX frame_scores_outlet ON frame_scores(outlet_id, frame, published, count, own, quoted, reported, per_1000);
CREATE INDEX frame_scores_frame ON frame_scores(frame, article_id, count);

CREATE TABLE side_scores (
    analysis_id  INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
    article_id   INTEGER NOT NULL,
    outlet_id    INTEGER,
    published    TEXT,
    side         TEXT NOT NULL,
    share        REAL,
    words_share  REAL,
    attributions INTEGER NOT NULL,
    words        INTEGER NOT NULL
);
CREATE INDEX side_scores_analysis ON side_scores(analysis_id);
CREATE INDEX side_scores_outlet ON side_scores(outlet_id, side, published, share, words_share, attributions, words);
CREATE INDEX side_scores_side ON side_scores(side, article_id, attributions);

CREATE TABLE entry_scores (
    analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    article_id  INTEGER NOT NULL,
    outlet_id   INTEGER,
    pattern     TEXT NOT NULL,
    frame       TEXT NOT NULL,
    actor       TEXT NOT NULL,
    count       INTEGER NOT NULL,
    own         INTEGER NOT NULL,
    quoted      INTEGER NOT NULL,
    reported    INTEGER NOT NULL,
    per_1000    REAL NOT NULL
);
CREATE INDEX entry_scores_analysis ON entry_scores(analysis_id, seq);
CREATE INDEX entry_scores_outlet ON entry_scores(outlet_id, pattern, count, own, quoted, reported);

CREATE TABLE actor_scores (
    analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL,
    outlet_id   INTEGER,
    actor       TEXT NOT NULL,
    count       INTEGER NOT NULL,
    valence     REAL NOT NULL,
    valence_own REAL NOT NULL,
    count_own   INTEGER NOT NULL
);
CREATE INDEX actor_scores_analysis ON actor_scores(analysis_id);
CREATE INDEX actor_scores_outlet ON actor_scores(outlet_id, actor, count, valence);

-- A hit a user marked as no label. The caller re-analyses the article
-- without it; the store keeps the marks for that and for measured precision.
CREATE TABLE false_positives (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    span_start INTEGER NOT NULL CHECK (span_start >= 0),
    span_end   INTEGER NOT NULL CHECK (span_end > span_start),
    pattern    TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (article_id, span_start, span_end)
);
CREATE INDEX false_positives_pattern ON false_positives(pattern);

-- Lexicons and registries: every saved version is kept; the latest is the
-- one with the highest revision.
CREATE TABLE lexicons (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    version    TEXT NOT NULL,
    revision   INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (name, version)
);
CREATE INDEX lexicons_latest ON lexicons(name, revision);

CREATE TABLE lexicon_frames (
    lexicon_id  INTEGER NOT NULL REFERENCES lexicons(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    description TEXT NOT NULL,
    PRIMARY KEY (lexicon_id, seq)
);

CREATE TABLE lexicon_entries (
    lexicon_id INTEGER NOT NULL REFERENCES lexicons(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    pattern    TEXT NOT NULL,
    frame      TEXT NOT NULL,
    actor      TEXT NOT NULL,
    valence    INTEGER NOT NULL CHECK (valence BETWEEN -2 AND 2),
    note       TEXT NOT NULL,
    PRIMARY KEY (lexicon_id, seq)
);

CREATE TABLE registries (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    version    TEXT NOT NULL,
    revision   INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (name, version)
);
CREATE INDEX registries_latest ON registries(name, revision);

CREATE TABLE registry_entries (
    registry_id INTEGER NOT NULL REFERENCES registries(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    side        TEXT NOT NULL,
    role        TEXT NOT NULL,
    PRIMARY KEY (registry_id, seq)
);

CREATE TABLE registry_aliases (
    registry_id INTEGER NOT NULL REFERENCES registries(id) ON DELETE CASCADE,
    entry_seq   INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    alias       TEXT NOT NULL,
    PRIMARY KEY (registry_id, entry_seq, seq)
);
