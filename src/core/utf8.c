/*
 * utf8.c — UTF-8 coding and Unicode normalization through ICU.
 */
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "alloc.h"
#include "utf8.h"

static rv_status
no_memory(char *err)
{
	rv_seterr(err, "out of memory");
	return RV_ENOMEM;
}

size_t
rv_utf8_encode(uint32_t cp, char *out)
{
	size_t		n = 0;

	U8_APPEND_UNSAFE((uint8_t *) out, n, cp);
	return n;
}

/* ASCII needs no normalization and is by far the most common input. */
static int
is_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char) s[i] >= 0x80)
			return 0;
	return 1;
}

/* Strict UTF-8 to UTF-16: ill-formed input is refused, not repaired. */
static rv_status
to_utf16(const char *s, size_t len, UChar **out, int32_t *outlen, char *err)
{
	UErrorCode	uerr = U_ZERO_ERROR;
	int32_t		n = 0;
	UChar	   *u16;

	u_strFromUTF8(NULL, 0, &n, s, (int32_t) len, &uerr);
	if (uerr != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(uerr))
	{
		rv_seterr(err, "input is not valid UTF-8");
		return RV_EUNICODE;
	}
	uerr = U_ZERO_ERROR;
	u16 = rv_alloc(((size_t) n + 1) * sizeof(UChar));
	if (u16 == NULL)
		return no_memory(err);
	u_strFromUTF8(u16, n + 1, NULL, s, (int32_t) len, &uerr);
	if (U_FAILURE(uerr))
	{
		rv_free(u16);
		rv_seterr(err, "input is not valid UTF-8");
		return RV_EUNICODE;
	}
	*out = u16;
	*outlen = n;
	return RV_OK;
}

/* NFC of *u16 in place of it (unchanged when already NFC). */
static rv_status
to_nfc(UChar **u16, int32_t *len, char *err)
{
	UErrorCode	uerr = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&uerr);
	int32_t		cap;
	UChar	   *norm;

	if (U_FAILURE(uerr))
	{
		rv_seterr(err, "ICU NFC normalizer unavailable: %s", u_errorName(uerr));
		return RV_EUNICODE;
	}
	if (unorm2_spanQuickCheckYes(nfc, *u16, *len, &uerr) == *len)
		return RV_OK;
	/* NFC never grows text by more than a factor of 3 */
	cap = *len * 3 + 1;
	uerr = U_ZERO_ERROR;
	norm = rv_alloc((size_t) cap * sizeof(UChar));
	if (norm == NULL)
		return no_memory(err);
	*len = unorm2_normalize(nfc, *u16, *len, norm, cap, &uerr);
	rv_free(*u16);
	*u16 = norm;
	if (U_FAILURE(uerr))
	{
		rv_seterr(err, "normalization failed: %s", u_errorName(uerr));
		return RV_EUNICODE;
	}
	return RV_OK;
}

rv_status
rv_decode_nfc(const char *s, size_t len, uint32_t **out, size_t *n, char *err)
{
	UChar	   *u16 = NULL;
	int32_t		u16len = 0;
	uint32_t   *cps;
	size_t		k = 0;
	rv_status	st;

	if (is_ascii(s, len))
	{
		cps = rv_alloc((len + 1) * sizeof(uint32_t));
		if (cps == NULL)
			return no_memory(err);
		for (size_t i = 0; i < len; i++)
			cps[i] = (unsigned char) s[i];
		*out = cps;
		*n = len;
		return RV_OK;
	}
	if ((st = to_utf16(s, len, &u16, &u16len, err)) != RV_OK)
		return st;
	if ((st = to_nfc(&u16, &u16len, err)) != RV_OK)
	{
		rv_free(u16);
		return st;
	}
	cps = rv_alloc(((size_t) u16len + 1) * sizeof(uint32_t));
	if (cps == NULL)
	{
		rv_free(u16);
		return no_memory(err);
	}
	for (int32_t i = 0; i < u16len;)
	{
		UChar32		c;

		U16_NEXT(u16, i, u16len, c);
		cps[k++] = (uint32_t) c;
	}
	rv_free(u16);
	*out = cps;
	*n = k;
	return RV_OK;
}

uint32_t
rv_cp_lower(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
	return (uint32_t) u_tolower((UChar32) cp);
}

int
rv_cp_is_upper(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return u_isupper((UChar32) cp);
}

int
rv_cp_is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return (cp | 32) >= 'a' && (cp | 32) <= 'z';
	return u_isalpha((UChar32) cp);
}

int
rv_cp_is_mark(uint32_t cp)
{
	int8_t		t;

	if (cp < 0x300)
		return 0;
	t = u_charType((UChar32) cp);
	return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK ||
		t == U_ENCLOSING_MARK;
}

int
rv_cp_is_digit(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return u_isdigit((UChar32) cp);
}

int
rv_cp_is_space(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= 9 && cp <= 13);
	return u_isUWhiteSpace((UChar32) cp);
}

static UScriptCode
script_of(uint32_t cp)
{
	UErrorCode	uerr = U_ZERO_ERROR;
	UScriptCode sc = uscript_getScript((UChar32) cp, &uerr);

	return U_SUCCESS(uerr) ? sc : USCRIPT_INVALID_CODE;
}

int
rv_cp_is_hebrew(uint32_t cp)
{
	if (cp < 0x80)
		return 0;
	return script_of(cp) == USCRIPT_HEBREW;
}

int
rv_cp_is_latin(uint32_t cp)
{
	if (cp < 0x80)
		return rv_cp_is_letter(cp);
	return script_of(cp) == USCRIPT_LATIN;
}

int
rv_cp_is_modifier_letter(uint32_t cp)
{
	return cp >= 0x80 && u_charType((UChar32) cp) == U_MODIFIER_LETTER;
}

/* A dash that joins pieces of a word (Unicode's Dash and Hyphen
 * properties): the en and em dash separate words and are kept. */
int
rv_cp_is_hyphen(uint32_t cp)
{
	if (cp < 0x80)
		return cp == '-';
	return u_hasBinaryProperty((UChar32) cp, UCHAR_DASH) &&
		u_hasBinaryProperty((UChar32) cp, UCHAR_HYPHEN);
}
