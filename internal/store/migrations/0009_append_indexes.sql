-- 0009_append_indexes: per-outlet indexes ordered by article, not by date.
--
-- The covering indexes that the comparison reads an outlet's score rows
-- through were keyed by (outlet_id, published, ...). Articles arrive in no
-- order of date, so every imported article put its entries at a random
-- place in each of them, and a batch of 256 articles dirtied about as many
-- pages per index, each written to the log and copied back by the
-- checkpoint: at 100,000 articles, dropping them (and articles_outlet_date)
-- took the import from 69 s to 62.7 s. Keyed by (outlet_id, article_id, ...) a new article's
-- entries go at the end of its outlet's range, where the entries of the
-- batch's other articles of that outlet already are: 65.6 and 66.1 s
-- against 68.8 to 69.6 s (BenchmarkImport100k, with automerge 16 then).
--
-- The comparison reads whole outlets through these indexes; a date range
-- is now filtered inside an outlet's entries instead of sought, and an
-- outlet's articles are sorted by date in Go (compareSortArticles).
-- BenchmarkCompare100k, four outlets and 37,000 articles: uncached requests
-- 124 to 141 ms of CPU before, 146 ms after; cold ones 167 to 176 ms
-- before, 182 to 183 ms after. The outlets page reads totals, not these.
DROP INDEX article_scores_compare;
CREATE INDEX article_scores_compare ON article_scores(outlet_id, article_id, published, words, quotes, unassigned, balance, balance_words);

DROP INDEX frame_scores_compare;
CREATE INDEX frame_scores_compare ON frame_scores(outlet_id, article_id, published, frame, count, own);

-- side_scores and entry_scores are summed per outlet for a comparison with
-- a date or text filter; entry_scores_outlet now covers that sum.
DROP INDEX side_scores_outlet;
CREATE INDEX side_scores_outlet ON side_scores(outlet_id, article_id, published, side, attributions, words);

DROP INDEX entry_scores_outlet;
CREATE INDEX entry_scores_outlet ON entry_scores(outlet_id, article_id, pattern, actor, frame, count, own);
