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

-- The full-text index gains a segment per import batch, and FTS5 merges
-- segments as they pile up: by default as soon as 4 share a level. Merging
-- only at 16 rewrites the index fewer times (about a quarter less indexing
-- work on import) for a few more segments to read per search.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);
