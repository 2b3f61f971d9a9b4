--
-- revrit_ranking: word frequencies in the score, its components in
-- revrit_candidates, and the spelling era.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;

-- the score is the channel cost (romanization rules) plus the language
-- cost (frequency, character model, word lists), for every candidate
SELECT bool_and(abs(score - (channel + language)) < 1e-9) AS score_is_sum,
	   bool_and(frequency IS NULL OR frequency > 0) AS frequency_positive
  FROM revrit_candidates('Sefer ha-ḥinukh : ḥeleḳ 2 / Daṿid', 5);

-- a common word has a frequency (occurrences per million words), a
-- spelling no list knows has none
SELECT hebrew, in_lexicon, frequency > 100 AS common
  FROM revrit_candidates('Sefer', 20)
 WHERE hebrew = 'ספר';
SELECT count(*) > 0 AS some_unknown, bool_and(frequency IS NULL) AS none_known
  FROM revrit_candidates('Sefer', 20)
 WHERE NOT in_lexicon;

-- of two homographs the frequent one ranks first: הוד (glory, a place
-- name) over חוד
SELECT revrit('Hod HaSharon', standard => 'israeli');

-- the spelling era: traditional prefers the short spelling of older and
-- religious books (no ו or י for a vowel of the stem)
SELECT revrit('Sidur tefilah') AS modern,
	   revrit('Sidur tefilah', spelling => 'traditional') AS traditional,
	   revrit('Sidur tefilah', spelling => 'modern') AS explicit_modern;
SET revrit.spelling = traditional;
SELECT revrit('Sidur tefilah') AS by_setting,
	   revrit('Sidur tefilah', spelling => 'modern') AS argument_wins;
RESET revrit.spelling;
SELECT revrit('Sidur tefilah', spelling => 'medieval');
