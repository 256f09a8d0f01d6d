-- 0005_fts_hashsize: one full-text segment per import batch.
--
-- FTS5 gathers the terms of the rows it is given in memory and writes them
-- out as a new segment when that memory passes 'hashsize' bytes (1 MiB by
-- default) and at the end of each transaction. A batch of 256 articles holds
-- about 1.6 MB of text, so the default wrote two or three small segments a
-- batch, which the automerge then rewrote. With 16 MiB a batch is one
-- segment: importing 20,000 articles took 14.9 s instead of 15.5 s (two
-- runs each) at the same peak memory, since no batch fills the allowance.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('hashsize', 16777216);
