-- 0002_outlet_totals: per-outlet aggregates kept up to date on write, for
-- the outlets table and the comparison page.
--
-- Summing the per-article score rows of a large corpus at request time is
-- too slow for a page, so the score tables' triggers keep running totals per
-- outlet: every insert adds, every delete (including the cascade when an
-- analysis is replaced or an article deleted) subtracts, and a change of
-- outlet (MergeOutlets) moves the row's share from one outlet to the other.
-- Totals whose counts fall to zero stay as rows of zeros; readers skip them.

CREATE TABLE outlet_totals (
    outlet_id         INTEGER PRIMARY KEY REFERENCES outlets(id) ON DELETE CASCADE,
    articles          INTEGER NOT NULL,
    words             INTEGER NOT NULL,
    -- balance_articles counts the articles with at least one attribution to
    -- a known side (quotes > unassigned), whose balance index means
    -- something; balance_sum and balance_words_sum add up their indices.
    balance_articles  INTEGER NOT NULL,
    balance_sum       REAL NOT NULL,
    balance_words_sum REAL NOT NULL
);

CREATE TABLE outlet_frame_totals (
    outlet_id INTEGER NOT NULL REFERENCES outlets(id) ON DELETE CASCADE,
    frame     TEXT NOT NULL,
    articles  INTEGER NOT NULL, -- articles with at least one hit of the frame
    count     INTEGER NOT NULL,
    own       INTEGER NOT NULL,
    PRIMARY KEY (outlet_id, frame)
) WITHOUT ROWID;

CREATE TABLE outlet_side_totals (
    outlet_id    INTEGER NOT NULL REFERENCES outlets(id) ON DELETE CASCADE,
    side         TEXT NOT NULL,
    articles     INTEGER NOT NULL, -- articles quoting the side
    attributions INTEGER NOT NULL,
    words        INTEGER NOT NULL,
    PRIMARY KEY (outlet_id, side)
) WITHOUT ROWID;

CREATE TABLE outlet_entry_totals (
    outlet_id INTEGER NOT NULL REFERENCES outlets(id) ON DELETE CASCADE,
    pattern   TEXT NOT NULL,
    actor     TEXT NOT NULL,
    frame     TEXT NOT NULL,
    count     INTEGER NOT NULL,
    own       INTEGER NOT NULL,
    PRIMARY KEY (outlet_id, pattern, actor, frame)
) WITHOUT ROWID;

-- Word frequencies per outlet for the "all words" distinctive-terms table:
-- lower-cased words of the article texts without stop words (see
-- store.ContentWords). The store writes them itself, once per batch, since
-- SQL cannot split a text into words.
CREATE TABLE outlet_word_counts (
    outlet_id INTEGER NOT NULL REFERENCES outlets(id) ON DELETE CASCADE,
    word      TEXT NOT NULL,
    count     INTEGER NOT NULL,
    PRIMARY KEY (outlet_id, word)
) WITHOUT ROWID;

-- corpus_version counts every change to scores, outlets or aliases, so that
-- figures computed from them can be cached until the next change.
CREATE TABLE corpus_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO corpus_version (id, n) VALUES (1, 0);

-- Covering indexes for reading one row per article (bootstrap intervals,
-- balance distributions, timelines) for a few outlets and a date range.
CREATE INDEX article_scores_compare ON article_scores(outlet_id, published, article_id, words, quotes, unassigned, balance, balance_words);
CREATE INDEX frame_scores_compare ON frame_scores(outlet_id, published, article_id, frame, count, own);

-- Totals of what is stored already. A new database has no articles and so
-- no word counts to rebuild; an existing one rebuilds them on first use.
INSERT INTO outlet_totals (outlet_id, articles, words, balance_articles, balance_sum, balance_words_sum)
SELECT outlet_id, COUNT(*), SUM(words), SUM(quotes > unassigned),
       SUM(CASE WHEN quotes > unassigned THEN balance ELSE 0 END),
       SUM(CASE WHEN quotes > unassigned THEN balance_words ELSE 0 END)
FROM article_scores WHERE outlet_id IS NOT NULL GROUP BY outlet_id;

INSERT INTO outlet_frame_totals (outlet_id, frame, articles, count, own)
SELECT outlet_id, frame, SUM(count > 0), SUM(count), SUM(own)
FROM frame_scores WHERE outlet_id IS NOT NULL GROUP BY outlet_id, frame;

INSERT INTO outlet_side_totals (outlet_id, side, articles, attributions, words)
SELECT outlet_id, side, SUM(attributions > 0), SUM(attributions), SUM(words)
FROM side_scores WHERE outlet_id IS NOT NULL GROUP BY outlet_id, side;

INSERT INTO outlet_entry_totals (outlet_id, pattern, actor, frame, count, own)
SELECT outlet_id, pattern, actor, frame, SUM(count), SUM(own)
FROM entry_scores WHERE outlet_id IS NOT NULL GROUP BY outlet_id, pattern, actor, frame;

INSERT INTO settings (key, value)
SELECT 'outlet_word_counts', 'v1' WHERE NOT EXISTS (SELECT 1 FROM articles);

-- article_scores: one row per analysis.
CREATE TRIGGER article_scores_totals_insert AFTER INSERT ON article_scores WHEN new.outlet_id IS NOT NULL BEGIN
    INSERT INTO outlet_totals (outlet_id, articles, words, balance_articles, balance_sum, balance_words_sum)
    VALUES (new.outlet_id, 1, new.words, new.quotes > new.unassigned,
            CASE WHEN new.quotes > new.unassigned THEN new.balance ELSE 0 END,
            CASE WHEN new.quotes > new.unassigned THEN new.balance_words ELSE 0 END)
    ON CONFLICT (outlet_id) DO UPDATE SET
        articles = articles + excluded.articles, words = words + excluded.words,
        balance_articles = balance_articles + excluded.balance_articles,
        balance_sum = balance_sum + excluded.balance_sum,
        balance_words_sum = balance_words_sum + excluded.balance_words_sum;
END;
CREATE TRIGGER article_scores_totals_delete AFTER DELETE ON article_scores WHEN old.outlet_id IS NOT NULL BEGIN
    UPDATE outlet_totals SET articles = articles - 1, words = words - old.words,
        balance_articles = balance_articles - (old.quotes > old.unassigned),
        balance_sum = balance_sum - CASE WHEN old.quotes > old.unassigned THEN old.balance ELSE 0 END,
        balance_words_sum = balance_words_sum - CASE WHEN old.quotes > old.unassigned THEN old.balance_words ELSE 0 END
    WHERE outlet_id = old.outlet_id;
END;
CREATE TRIGGER article_scores_totals_move AFTER UPDATE OF outlet_id ON article_scores
WHEN old.outlet_id IS NOT new.outlet_id BEGIN
    UPDATE outlet_totals SET articles = articles - 1, words = words - old.words,
        balance_articles = balance_articles - (old.quotes > old.unassigned),
        balance_sum = balance_sum - CASE WHEN old.quotes > old.unassigned THEN old.balance ELSE 0 END,
        balance_words_sum = balance_words_sum - CASE WHEN old.quotes > old.unassigned THEN old.balance_words ELSE 0 END
    WHERE outlet_id = old.outlet_id;
    INSERT INTO outlet_totals (outlet_id, articles, words, balance_articles, balance_sum, balance_words_sum)
    SELECT new.outlet_id, 1, new.words, new.quotes > new.unassigned,
           CASE WHEN new.quotes > new.unassigned THEN new.balance ELSE 0 END,
           CASE WHEN new.quotes > new.unassigned THEN new.balance_words ELSE 0 END
    WHERE new.outlet_id IS NOT NULL
    ON CONFLICT (outlet_id) DO UPDATE SET
        articles = articles + excluded.articles, words = words + excluded.words,
        balance_articles = balance_articles + excluded.balance_articles,
        balance_sum = balance_sum + excluded.balance_sum,
        balance_words_sum = balance_words_sum + excluded.balance_words_sum;
END;

-- frame_scores
CREATE TRIGGER frame_scores_totals_insert AFTER INSERT ON frame_scores WHEN new.outlet_id IS NOT NULL BEGIN
    INSERT INTO outlet_frame_totals (outlet_id, frame, articles, count, own)
    VALUES (new.outlet_id, new.frame, new.count > 0, new.count, new.own)
    ON CONFLICT (outlet_id, frame) DO UPDATE SET
        articles = articles + excluded.articles, count = count + excluded.count, own = own + excluded.own;
END;
CREATE TRIGGER frame_scores_totals_delete AFTER DELETE ON frame_scores WHEN old.outlet_id IS NOT NULL BEGIN
    UPDATE outlet_frame_totals SET articles = articles - (old.count > 0), count = count - old.count, own = own - old.own
    WHERE outlet_id = old.outlet_id AND frame = old.frame;
END;
CREATE TRIGGER frame_scores_totals_move AFTER UPDATE OF outlet_id ON frame_scores
WHEN old.outlet_id IS NOT new.outlet_id BEGIN
    UPDATE outlet_frame_totals SET articles = articles - (old.count > 0), count = count - old.count, own = own - old.own
    WHERE outlet_id = old.outlet_id AND frame = old.frame;
    INSERT INTO outlet_frame_totals (outlet_id, frame, articles, count, own)
    SELECT new.outlet_id, new.frame, new.count > 0, new.count, new.own WHERE new.outlet_id IS NOT NULL
    ON CONFLICT (outlet_id, frame) DO UPDATE SET
        articles = articles + excluded.articles, count = count + excluded.count, own = own + excluded.own;
END;

-- side_scores
CREATE TRIGGER side_scores_totals_insert AFTER INSERT ON side_scores WHEN new.outlet_id IS NOT NULL BEGIN
    INSERT INTO outlet_side_totals (outlet_id, side, articles, attributions, words)
    VALUES (new.outlet_id, new.side, new.attributions > 0, new.attributions, new.words)
    ON CONFLICT (outlet_id, side) DO UPDATE SET
        articles = articles + excluded.articles, attributions = attributions + excluded.attributions,
        words = words + excluded.words;
END;
CREATE TRIGGER side_scores_totals_delete AFTER DELETE ON side_scores WHEN old.outlet_id IS NOT NULL BEGIN
    UPDATE outlet_side_totals SET articles = articles - (old.attributions > 0),
        attributions = attributions - old.attributions, words = words - old.words
    WHERE outlet_id = old.outlet_id AND side = old.side;
END;
CREATE TRIGGER side_scores_totals_move AFTER UPDATE OF outlet_id ON side_scores
WHEN old.outlet_id IS NOT new.outlet_id BEGIN
    UPDATE outlet_side_totals SET articles = articles - (old.attributions > 0),
        attributions = attributions - old.attributions, words = words - old.words
    WHERE outlet_id = old.outlet_id AND side = old.side;
    INSERT INTO outlet_side_totals (outlet_id, side, articles, attributions, words)
    SELECT new.outlet_id, new.side, new.attributions > 0, new.attributions, new.words WHERE new.outlet_id IS NOT NULL
    ON CONFLICT (outlet_id, side) DO UPDATE SET
        articles = articles + excluded.articles, attributions = attributions + excluded.attributions,
        words = words + excluded.words;
END;

-- entry_scores
CREATE TRIGGER entry_scores_totals_insert AFTER INSERT ON entry_scores WHEN new.outlet_id IS NOT NULL BEGIN
    INSERT INTO outlet_entry_totals (outlet_id, pattern, actor, frame, count, own)
    VALUES (new.outlet_id, new.pattern, new.actor, new.frame, new.count, new.own)
    ON CONFLICT (outlet_id, pattern, actor, frame) DO UPDATE SET
        count = count + excluded.count, own = own + excluded.own;
END;
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

-- The corpus version: every analysis writes exactly one article_scores row,
-- so its inserts and deletes mark every change of scores.
CREATE TRIGGER corpus_version_scores_insert AFTER INSERT ON article_scores BEGIN
    UPDATE corpus_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER corpus_version_scores_delete AFTER DELETE ON article_scores BEGIN
    UPDATE corpus_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER corpus_version_scores_move AFTER UPDATE ON article_scores BEGIN
    UPDATE corpus_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER corpus_version_articles_delete AFTER DELETE ON articles BEGIN
    UPDATE corpus_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER corpus_version_articles_move AFTER UPDATE OF outlet_id, published_date, text ON articles BEGIN
    UPDATE corpus_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER corpus_version_outlets_insert AFTER INSERT ON outlets BEGIN
    UPDATE corpus_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER corpus_version_outlets_update AFTER UPDATE ON outlets BEGIN
    UPDATE corpus_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER corpus_version_outlets_delete AFTER DELETE ON outlets BEGIN
    UPDATE corpus_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER corpus_version_aliases_insert AFTER INSERT ON outlet_aliases BEGIN
    UPDATE corpus_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER corpus_version_aliases_update AFTER UPDATE ON outlet_aliases BEGIN
    UPDATE corpus_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER corpus_version_aliases_delete AFTER DELETE ON outlet_aliases BEGIN
    UPDATE corpus_version SET n = n + 1 WHERE id = 1;
END;
