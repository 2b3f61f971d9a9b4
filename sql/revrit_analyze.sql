--
-- revrit_analyze: the JSON analysis behind a conversion.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;

CREATE TEMP TABLE a AS
SELECT revrit_analyze('Sefer ha-ḥinukh : ʻim ḥidushim / Daṿid = The book of education', 2) AS j;

-- the whole text converts as revrit() converts it
SELECT j->>'hebrew' = revrit('Sefer ha-ḥinukh : ʻim ḥidushim / Daṿid = The book of education') AS same_as_revrit
  FROM a;

-- one entry per ISBD part, with its role
SELECT p->>'role' AS role, p->>'text' AS text, p->>'hebrew' AS hebrew
  FROM a, jsonb_array_elements(j->'parts') AS p;

-- per word the chosen form and at most n alternatives, the first being it
SELECT w->>'romanized' AS romanized, w->>'hebrew' AS hebrew,
	   jsonb_array_length(w->'alternatives') <= 2 AS at_most_n,
	   w->'alternatives'->0->>'hebrew' = w->>'hebrew' AS first_is_chosen
  FROM a, jsonb_array_elements(j->'parts') AS p,
	   jsonb_array_elements(p->'words') AS w
 WHERE p->>'role' = 'main';

-- the keys a caller relies on
SELECT (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(j) AS k) AS top,
	   (SELECT array_agg(k ORDER BY k)
		  FROM jsonb_object_keys(j->'parts'->0) AS k) AS part
  FROM a;

-- STRICT, and n as for revrit_candidates
SELECT revrit_analyze(NULL) IS NULL AS null_text;
SELECT revrit_analyze('Sefer', 0);
SELECT revrit_analyze('Sefer', 1001);
SELECT revrit_analyze('')->>'hebrew' = '' AS empty;
