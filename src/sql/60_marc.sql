-- MARC records: linked 880 Hebrew-script fields (docs/marc.md).
--
-- revrit_marc is not STRICT: fields => NULL (the default) means "every
-- tag", and a NULL record gives NULL.  The cost is that of converting a
-- record's dozen fields with revrit().

CREATE FUNCTION revrit_marc(record jsonb, fields text[] DEFAULT NULL,
                            only_fit boolean DEFAULT false)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'revrit_marc_json'
LANGUAGE C CALLED ON NULL INPUT STABLE PARALLEL SAFE
COST 10000;

COMMENT ON FUNCTION revrit_marc(jsonb, text[], boolean) IS
'A MARC-in-JSON record of a Hebrew book with a linked 880 Hebrew-script field for each romanized heading, title, imprint and series field that has none';

CREATE FUNCTION revrit_marc_report(record jsonb)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'revrit_marc_report_json'
LANGUAGE C STRICT STABLE PARALLEL SAFE
COST 30000;

COMMENT ON FUNCTION revrit_marc_report(jsonb) IS
'For review: which 880 fields revrit_marc would add to a MARC-in-JSON record, which fields it skips and why, and whether each conversion is fit for display';

-- MARCXML: a <record> or a <collection>, parsed with libxml2 (no DTD, no
-- network).  Same arguments as revrit_marc.
CREATE FUNCTION revrit_marcxml(record text, fields text[] DEFAULT NULL,
                               only_fit boolean DEFAULT false)
RETURNS text
AS 'MODULE_PATHNAME', 'revrit_marcxml'
LANGUAGE C CALLED ON NULL INPUT STABLE PARALLEL SAFE
COST 10000;

COMMENT ON FUNCTION revrit_marcxml(text, text[], boolean) IS
'A MARCXML record or collection of Hebrew books with a linked 880 Hebrew-script field for each romanized heading, title, imprint and series field that has none';
