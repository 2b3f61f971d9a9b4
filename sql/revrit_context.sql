--
-- revrit_context: candidates the romanization does not show, and the joint
-- choice of a part's words (issue 10, items 3 and 5).  Uses the installed
-- lexicon, like revrit_lexicon.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS revrit;
RESET client_min_messages;

-- a quiescent alef ALA-LC does not write, found where the lexicon knows the
-- word; without a lexicon it is never offered
SELECT r AS romanized, revrit(r, standard => 'ala-lc') AS hebrew
  FROM (VALUES ('rosh'), ('rishon'), ('Bereshit'), ('zot')) AS t(r);

-- an acronym: gershayim before the last letter where the lexicon has it
SELECT r AS romanized, revrit(r, standard => 'ala-lc') AS hebrew
  FROM (VALUES ('Tanakh'), ('Ḥabad'), ('ha-Tanakh'), ('Ḥazal')) AS t(r);
SET revrit.marks = 'ascii';
SELECT revrit('Tanakh', standard => 'ala-lc') AS ascii_marks;
RESET revrit.marks;

-- a field without any romanization mark: h may be ח, v ו, z צ; the same
-- word with a mark elsewhere in the field keeps the strict reading
SELECT r AS romanized, revrit(r, standard => 'ala-lc') AS hebrew
  FROM (VALUES ('Hayim'), ('Yitshak'), ('Zevi'), ('Tikvah'),
               ('Hayim Ḳaplan')) AS t(r);

-- listed expressions: the words of a part are chosen together
SELECT r AS romanized, revrit(r, standard => 'ala-lc') AS hebrew
  FROM (VALUES ('Bet'), ('Bet ha-midrash'), ('Bet din'), ('Rosh ha-Shanah'),
               ('be-Rosh ha-Shanah'), ('Ḳiryat sefer'),
               ('Bet ha-sefer ha-reʼali'),
               ('Bet, ha-midrash'), ('Bet ha-midrash : Bet din')) AS t(r);
-- revrit_candidates ranks the joint choice first; context says why
SELECT word, rank, hebrew, context
  FROM revrit_candidates('Bet ha-midrash', n => 2, standard => 'ala-lc');

-- and so does revrit_analyze's list of each word's spellings
SELECT w->>'romanized' AS romanized, w->>'hebrew' AS hebrew
  FROM jsonb_array_elements(revrit_analyze('Bet ha-midrash', standard => 'ala-lc')
                            ->'parts'->0->'words') AS w;

-- the expression also stands across a maqaf
SELECT revrit('Bet-ha-midrash', standard => 'ala-lc', hyphen => 'ascii') AS compound;

-- rules only: no lexicon, no quiescent alef and no acronym
SET revrit.lexicon = 'none';
SELECT r AS romanized, revrit(r, standard => 'ala-lc') AS hebrew
  FROM (VALUES ('rosh'), ('Tanakh'), ('Bet ha-midrash')) AS t(r);
RESET revrit.lexicon;
