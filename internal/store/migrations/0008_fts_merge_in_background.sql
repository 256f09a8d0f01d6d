-- 0008_fts_merge_in_background: merge full-text segments between writes.
--
-- With automerge on (4 by default, 8 since 0004), FTS5 merges segments
-- inside the transactions that write them, and on a bulk import those
-- merges had become the single writer's largest cost that grows with the
-- corpus: at 100,000 articles, 7 s of automerge on top of 8.5 s of
-- tokenizing, plus the log writes and checkpoints of every rewritten page.
-- The store now merges in the background, in short transactions of its own
-- once the writes pause (store/textmerge.go), with the rule automerge used:
-- usermerge 16 merges sixteen segments of one level into one segment of the
-- next. Automerge is off. Crisismerge, the merge FTS5 forces when one level
-- holds that many segments, goes from 16 to 1,000, so that an import of
-- 390 batches (100,000 articles) never stops for it while the index stays
-- far below FTS5's limit of 2,000 segments.
--
-- Measured on this 2-core machine (BenchmarkImport100k, with 0009): 56.0 to
-- 57.1 s against 65.6 to 66.1 s with automerge 16 (three and two runs),
-- same peak RSS (149 to 152 MB). Merging what such an import leaves (392
-- segments) took 6.0 s of background writes; four searches with snippets
-- over the 100,000 articles took 394 ms before it and 373 ms after: a
-- search's time goes to ranking and snippets, not to the segments.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 0);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('usermerge', 16);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('crisismerge', 1000);
