--
-- revrit_candidates: ranked reconstructions per word.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;

-- the best candidate of each word
SELECT word, rank, romanized, hebrew
  FROM revrit_candidates('Sefer ha-ḥinukh', 1);

-- the best candidates make up what revrit() writes
SELECT string_agg(hebrew, ' ' ORDER BY word) = revrit('Biḳoret u-farshanut')
	   AS rank1_is_revrit
  FROM revrit_candidates('Biḳoret u-farshanut', 3) WHERE rank = 1;

-- ranks run 1..k per word, best (lowest score) first, at most n of them;
-- costs are not negative and the lexicon bonus goes with in_lexicon
SELECT bool_and(rank BETWEEN 1 AND 5) AS rank_range,
	   bool_and(rule_cost >= 0 AND char_cost >= 0) AS costs,
	   bool_and((lexicon_bonus > 0) = in_lexicon) AS bonus,
	   count(DISTINCT word) AS words
  FROM revrit_candidates('Sefer ha-ḥinukh : ḥeleḳ 2 / Daṿid', 5) AS c;
SELECT word, bool_and(ok) AS ordered
  FROM (SELECT word, score >= lag(score, 1, '-infinity') OVER w AND
				   rank = row_number() OVER w AS ok
		  FROM revrit_candidates('Sefer ha-ḥinukh : ḥeleḳ 2 / Daṿid', 5)
		WINDOW w AS (PARTITION BY word ORDER BY rank)) s
 GROUP BY word ORDER BY word;

-- more than one candidate when asked for, all different
SELECT count(*) > 1 AS several, count(*) = count(DISTINCT hebrew) AS distinct_forms
  FROM revrit_candidates('ḥinukh', 10);

-- words without letters (digits, punctuation) are not candidates
SELECT word, romanized FROM revrit_candidates('Sefer 1948 : Torah', 1);

-- the lexicon knows common words
SELECT romanized, hebrew, in_lexicon
  FROM revrit_candidates('Sefer Torah', 1)
 WHERE (SELECT revrit_info()->'lexicon') <> 'null';

-- nothing to convert, no rows; NULL arguments, no rows (STRICT)
SELECT count(*) FROM revrit_candidates('', 5);
SELECT count(*) FROM revrit_candidates('1948 : ?', 5);
SELECT count(*) FROM revrit_candidates(NULL, 5);

-- in a lateral join over a table
SELECT t.id, c.hebrew
  FROM (VALUES (1, 'Torah'), (2, 'shalom')) AS t(id, r),
	   LATERAL revrit_candidates(t.r, 1) AS c
 ORDER BY t.id;
