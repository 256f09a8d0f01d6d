-- 0003_write_path: a lighter write path for bulk imports.
--
-- The per-outlet totals of 0002 are added by the writer itself, once per
-- transaction (store/totals.go), instead of by a trigger per inserted score
-- row; likewise the corpus version. The delete and move triggers stay: they
-- keep the totals right when analyses are replaced, articles deleted or
-- outlets merged.
DROP TRIGGER article_scores_totals_insert;
DROP TRIGGER frame_scores_totals_insert;
DROP TRIGGER side_scores_totals_insert;
DROP TRIGGER entry_scores_totals_insert;
DROP TRIGGER corpus_version_scores_insert;

-- Indexes no query needs: article_scores_compare and frame_scores_compare
-- (0002) lead with the same (outlet_id, published) columns and serve every
-- per-outlet read of those tables, and no read selects actor_scores by
-- outlet (merging outlets, which does, is rare and may scan).
DROP INDEX article_scores_outlet;
DROP INDEX frame_scores_outlet;
DROP INDEX actor_scores_outlet;

-- The rows of an analysis (hits, quotes, sources, entry scores) are only
-- ever read by analysis and position, so they are stored in that order,
-- as the primary key of a WITHOUT ROWID table, instead of in a rowid table
-- plus an index on (analysis_id, seq): one b-tree insert per row instead of
-- two. The tables are rebuilt with their rows; the other indexes come back.
CREATE TABLE hits_0003 (
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
    so_called   INTEGER NOT NULL DEFAULT 0 CHECK (so_called IN (0, 1)),
    PRIMARY KEY (analysis_id, seq)
) WITHOUT ROWID;
INSERT INTO hits_0003 (analysis_id, seq, entry_index, term, pattern, frame, actor, valence, voice,
        span_start, span_end, scare_quote, so_called)
    SELECT analysis_id, seq, entry_index, term, pattern, frame, actor, valence, voice,
        span_start, span_end, scare_quote, so_called FROM hits;
DROP TABLE hits;
ALTER TABLE hits_0003 RENAME TO hits;
CREATE INDEX hits_pattern ON hits(pattern);

-- A quote's text is stored empty when it is the article text of its span
-- (see store/quotetext.go).
CREATE TABLE quotes_0003 (
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
    text          TEXT NOT NULL,
    PRIMARY KEY (analysis_id, seq)
) WITHOUT ROWID;
INSERT INTO quotes_0003 (analysis_id, seq, kind, speaker, mention, mention_start, mention_end, cue, side,
        span_start, span_end, words, text)
    SELECT analysis_id, seq, kind, speaker, mention, mention_start, mention_end, cue, side,
        span_start, span_end, words, text FROM quotes;
DROP TABLE quotes;
ALTER TABLE quotes_0003 RENAME TO quotes;

CREATE TABLE sources_0003 (
    analysis_id INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    side        TEXT NOT NULL,
    role        TEXT NOT NULL,
    direct      INTEGER NOT NULL CHECK (direct >= 0),
    reported    INTEGER NOT NULL CHECK (reported >= 0),
    words       INTEGER NOT NULL CHECK (words >= 0),
    PRIMARY KEY (analysis_id, seq)
) WITHOUT ROWID;
INSERT INTO sources_0003 (analysis_id, seq, name, side, role, direct, reported, words)
    SELECT analysis_id, seq, name, side, role, direct, reported, words FROM sources;
DROP TABLE sources;
ALTER TABLE sources_0003 RENAME TO sources;

-- entry_scores keeps its triggers of 0002 (delete and move), recreated
-- with the table.
CREATE TABLE entry_scores_0003 (
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
    per_1000    REAL NOT NULL,
    PRIMARY KEY (analysis_id, seq)
) WITHOUT ROWID;
INSERT INTO entry_scores_0003 (analysis_id, seq, article_id, outlet_id, pattern, frame, actor, count, own,
        quoted, reported, per_1000)
    SELECT analysis_id, seq, article_id, outlet_id, pattern, frame, actor, count, own,
        quoted, reported, per_1000 FROM entry_scores;
DROP TABLE entry_scores;
ALTER TABLE entry_scores_0003 RENAME TO entry_scores;
CREATE INDEX entry_scores_outlet ON entry_scores(outlet_id, pattern, count, own, quoted, reported);
CREATE TRIGGER entry_scores_totals_delete AFTER DELETE ON entry_scores WHEN old.outlet_id IS NOT NULL BEGIN
    UPDATE outlet_entry_totals SET count = count - old.count, own = own - old.own
    WHERE outlet_id = old.outlet_id AND pattern = old.pattern AND actor = old.actor AND frame = old.frame;
END;
CREATE TRIGGER entry_scores_totals_move AFTER UPDATE OF outlet_id ON entry_scores
WHEN old.outlet_id IS NOT new.outlet_id BEGIN
    UPDATE outlet_entry_totals SET count = count - old.count, own = own - old.own
    WHERE outlet_id = old.outlet_id AND pattern = old.pattern AND actor = old.actor AND frame = old.frame;
    INSERT INTO outlet_entry_totals (outlet_id, pattern, actor, frame, count, own)
    SELECT new.outlet_id, new.pattern, new.actor, new.frame, new.count, new.own WHERE new.outlet_id IS NOT NULL
    ON CONFLICT (outlet_id, pattern, actor, frame) DO UPDATE SET
        count = count + excluded.count, own = own + excluded.own;
END;
