-- 0007_outlet_word_runs: word counts kept as runs, not one row per word.
--
-- outlet_word_counts held one row per (outlet, word), and every batch of
-- imported articles upserted each distinct word of each outlet it touched:
-- ~110 b-tree upserts per article, a fifth of an import's time. A run is
-- one outlet's (word, count) pairs of one batch, sorted by word and encoded
-- in one blob (store/wordruns.go): one insert per outlet and batch. Readers
-- add up an outlet's runs, and the writer merges them into one when an
-- outlet has more than 16.
DROP TABLE outlet_word_counts;
CREATE TABLE outlet_word_runs (
    id        INTEGER PRIMARY KEY,
    outlet_id INTEGER NOT NULL REFERENCES outlets(id) ON DELETE CASCADE,
    data      BLOB NOT NULL
);
CREATE INDEX outlet_word_runs_outlet ON outlet_word_runs(outlet_id);

-- A database with articles is recounted from their texts on the first read
-- (the setting keeps its old version); an empty one is complete as it is.
INSERT INTO settings (key, value) SELECT 'outlet_word_counts', 'v2' WHERE NOT EXISTS (SELECT 1 FROM articles)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value;
