#!/usr/bin/env bash
# test/marc/cli_check.sh — "revrit marc" on MARC-in-JSON lines, ISO 2709
# and MARCXML made up here: 880s added, the same records whatever the
# format, idempotence, each 880's text equal to "revrit convert" of its
# field, and clear errors for MARC-8, broken records and DTDs.  Needs
# build/revrit (make).  Prints "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
R=build/revrit
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
pass=0 fail=0
ok() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi; }

cat > "$W/in.jsonl" <<'JSON'
{"leader": "00000cam a2200000 i 4500", "fields": [{"001": "cli1"}, {"008": "200101s1990    is            000 1 heb d"}, {"100": {"ind1": "1", "ind2": " ", "subfields": [{"a": "Levi, Yosef,"}, {"e": "author."}]}}, {"245": {"ind1": "1", "ind2": "3", "subfields": [{"a": "ha-Bayit ha-yashan :"}, {"b": "sipurim /"}, {"c": "Yosef Levi."}]}}, {"264": {"ind1": " ", "ind2": "1", "subfields": [{"a": "Yerushalayim :"}, {"b": "Karmel,"}, {"c": "1990."}]}}]}
{"leader": "00000cam a2200000 i 4500", "fields": [{"001": "cli2"}, {"008": "200101s1990    nyu           000 1 eng d"}, {"245": {"ind1": "1", "ind2": "0", "subfields": [{"a": "Old houses."}]}}], "note": {"kept": [1, true]}}
JSON

$R marc < "$W/in.jsonl" > "$W/out.jsonl"; rc=$?
ok "json: exit 0" '[ $rc -eq 0 ]'
ok "json: three 880s in record 1" '[ "$(head -1 "$W/out.jsonl" | grep -o "\"880\"" | wc -l)" -eq 3 ]'
ok "json: links 880-01..03" 'head -1 "$W/out.jsonl" | grep -q "{\"6\": \"880-03\"}" && head -1 "$W/out.jsonl" | grep -q "{\"6\": \"264-03/(2/r\"}"'
ok "json: English record without 880, other keys kept" 'tail -1 "$W/out.jsonl" | grep -q "\"note\": {\"kept\": \[1, true\]}" && ! tail -1 "$W/out.jsonl" | grep -q 880'
ok "json: idempotent" '$R marc < "$W/out.jsonl" | cmp -s - "$W/out.jsonl"'

$R marc --to iso2709 < "$W/in.jsonl" > "$W/out.mrc"
ok "iso2709: two records" '[ "$(tr -cd "\035" < "$W/out.mrc" | wc -c)" -eq 2 ]'
ok "iso2709 back to json: the same fields" 'diff <($R marc --to json < "$W/out.mrc" | sed "s/.*\"fields\"/F/") <(sed "s/.*\"fields\"/F/" "$W/out.jsonl") >/dev/null'
ok "iso2709: idempotent" '$R marc < "$W/out.mrc" | cmp -s - "$W/out.mrc"'

# the 880 texts are what "revrit" makes of each field's text
$R marc --report < "$W/in.jsonl" > "$W/report.jsonl"
ok "report: one line per record" '[ "$(wc -l < "$W/report.jsonl")" -eq 2 ]'
grep -o '"text": "[^"]*", "hebrew": "[^"]*"' "$W/report.jsonl" |
	sed 's/"text": "\(.*\)", "hebrew": "\(.*\)"/\1\t\2/' > "$W/pairs.tsv"
ok "report: three conversions" '[ "$(wc -l < "$W/pairs.tsv")" -eq 3 ]'
ok "880 text = revrit convert" 'diff <(cut -f1 "$W/pairs.tsv" | $R) <(cut -f2 "$W/pairs.tsv") >/dev/null'

# MARC-8: leader/09 blank → an error naming the record
head -c "$(head -c 5 "$W/out.mrc")" "$W/out.mrc" | sed 's/^\(.........\)a/\1 /' > "$W/marc8.mrc"
$R marc < "$W/marc8.mrc" > /dev/null 2> "$W/err"; rc=$?
ok "marc-8: exit 1 and the record named" '[ $rc -eq 1 ] && grep -q "record 1 (001 cli1): MARC-8" "$W/err"'
head -c 100 "$W/out.mrc" > "$W/trunc.mrc"
$R marc < "$W/trunc.mrc" > /dev/null 2> "$W/err"; rc=$?
ok "truncated iso2709: exit 1" '[ $rc -eq 1 ] && grep -q "truncated" "$W/err"'
echo '{"fields": [{"245": {"subfields": [{"ab": "x"}]}}]}' | $R marc > /dev/null 2> "$W/err"; rc=$?
ok "bad json: exit 1, clear message" '[ $rc -eq 1 ] && grep -q "record 1: not MARC-in-JSON: a subfield is" "$W/err"'

# ISO 2709 as files come: a line end after each record, and broken leaders
# or directories, which must be errors, never records with fields dropped
rec1() { head -c "$(head -c 5 "$W/out.mrc")" "$W/out.mrc"; }
(rec1; printf '\r\n'; rec1; printf '\n') > "$W/lines.mrc"
$R marc < "$W/lines.mrc" > "$W/lines.out" 2> "$W/err"; rc=$?
ok "iso2709: line ends after records are skipped" '[ $rc -eq 0 ] && [ "$(tr -cd "\035" < "$W/lines.out" | wc -c)" -eq 2 ]'
rec1 | sed 's/^\(............\)...../\100025/' > "$W/base.mrc"
$R marc < "$W/base.mrc" > /dev/null 2> "$W/err"; rc=$?
ok "iso2709: base address not after the directory is an error" '[ $rc -eq 1 ] && grep -q "bad base address" "$W/err"'
rec1 | sed 's/^\(........................\)001/\1\x01\x001/' > "$W/tag.mrc"
$R marc < "$W/tag.mrc" > /dev/null 2> "$W/err"; rc=$?
ok "iso2709: a tag with control bytes is an error" '[ $rc -eq 1 ] && grep -q "tag that is not" "$W/err"'

cat > "$W/in.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<collection xmlns="http://www.loc.gov/MARC21/slim">
  <record>
    <controlfield tag="008">200101s1990    is            000 1 heb d</controlfield>
    <datafield tag="245" ind1="0" ind2="0">
      <subfield code="a">Yamim tovim.</subfield>
    </datafield>
  </record>
</collection>
XML
$R marc < "$W/in.xml" > "$W/out.xml"; rc=$?
ok "marcxml: 880 added" '[ $rc -eq 0 ] && grep -q "<subfield code=\"6\">245-01/(2/r</subfield>" "$W/out.xml"'
ok "marcxml: idempotent" '$R marc < "$W/out.xml" | cmp -s - "$W/out.xml"'
printf '<!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><record>&b;</record>' | $R marc > /dev/null 2> "$W/err"; rc=$?
ok "marcxml: DTD refused" '[ $rc -eq 1 ] && grep -q "DTD" "$W/err"'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
