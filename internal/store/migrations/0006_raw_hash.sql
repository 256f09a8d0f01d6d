-- 0006_raw_hash: duplicates found by the input as received too.
--
-- content_hash is worked out from the cleaned text, and cleaning improves
-- from one engine version to the next: a file imported again after an
-- upgrade would come back as new articles wherever the new cleaning drops a
-- line the old one kept. raw_hash finds the article by its input as
-- received (the raw column): 64 bits of its SHA-256 (store.RawHash), a
-- candidate that the store confirms by comparing the inputs, so that the
-- same input is the same article whatever the cleaning made of it. NULL
-- when no raw input was kept. Not unique, as a collision must not stop an
-- insert.
ALTER TABLE articles ADD COLUMN raw_hash INTEGER;
CREATE INDEX articles_raw_hash ON articles(raw_hash) WHERE raw_hash IS NOT NULL;

-- The articles stored before this migration get their raw_hash from the
-- store on opening (store.ensureRawHashes), since SQL has no SHA-256; a new
-- database has none to hash.
INSERT INTO settings (key, value) SELECT 'raw_hash', 'v1' WHERE NOT EXISTS (SELECT 1 FROM articles);
