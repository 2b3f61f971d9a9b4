-- bench/catalog_gen.sql: revrit_bench_catalog(n) returns n catalogue-like
-- records with ALA-LC romanized Hebrew titles, built combinatorially from
-- word lists (written for this benchmark, not taken from any data set), so
-- titles vary as in a real catalogue: a few million distinct titles, common
-- words recurring.  Deterministic: record i is the same on every run.
--
-- Used by bench/batch.sh; psql -f it into a database, then e.g.
--   CREATE TABLE t AS SELECT * FROM revrit_bench_catalog(1000000);

CREATE OR REPLACE FUNCTION revrit_bench_catalog(n bigint)
RETURNS TABLE (id bigint, title text, responsibility text, place text,
			   publisher text, year integer)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $gen$
WITH w AS (
	SELECT
	  -- head nouns (construct state first word of a title)
	  ARRAY['Sefer', 'Toldot', 'Shire', 'Sipure', 'Masot', 'Meḥḳere',
			'Ḳovets', 'Divre', 'Zikhronot', 'Igrot', 'Perush', 'Mishpaṭ',
			'Pirḳe', 'Maʼamarim', 'Otsar', 'Luaḥ', 'Bet', 'ʻOlam', 'Derekh',
			'Sod', 'Shaʻar', 'Ḳol', 'Or', 'Ḥalom', 'ʻIr', 'Mishpaḥat',
			'Milḥemet', 'Ḥag', 'Leḳeṭ', 'Yalḳuṭ', 'Tsror', 'Sipur', 'Yoman',
			'Ḥaye', 'Darkhe', 'Tefilot', 'Hilkhot', 'Minhage', 'Ḳitsur',
			'Midrash'] AS head,
	  -- definite nouns with the article
	  ARRAY['ha-ḥinukh', 'ha-zikaron', 'ha-yamim', 'ha-Yehudim', 'ha-sifrut',
			'ha-lashon', 'ha-ʻam', 'ha-ʻolam', 'ha-ḥayim', 'ha-mishpaḥah',
			'ha-yeladim', 'ha-milḥamah', 'ha-shalom', 'ha-Torah',
			'ha-Talmud', 'ha-ḳabalah', 'ha-hagadah', 'ha-shirah', 'ha-emunah',
			'ha-ḥasidut', 'ha-haskalah', 'ha-ʻaliyah', 'ha-ḳibuts',
			'ha-moshavah', 'ha-yishuv', 'ha-Tsiyonut', 'ha-medinah',
			'ha-tarbut', 'ha-filosofyah', 'ha-musar', 'ha-halakhah',
			'ha-Mishnah', 'ha-neviʼim', 'ha-tefilah', 'ha-maḥshavah',
			'ha-ʻavodah', 'ha-ḥevrah', 'ha-ḳehilah'] AS defn,
	  -- adjectives with the article
	  ARRAY['ha-ʻIvrit', 'ha-Yehudit', 'ha-ḥadashah', 'ha-gadol',
			'ha-ḳaṭan', 'ha-rishon', 'ha-aḥaron', 'ha-ʻatiḳah',
			'ha-Yiśreʼelit', 'ha-ḥadash', 'ha-shalem', 'ha-meʼuḥad',
			'ha-ʻoleh', 'ha-ḥaredit', 'ha-Sefaradit', 'ha-Ashkenazit',
			'ha-datit', 'ha-ḥiloni', 'ha-ʻamamit', 'ha-modernit'] AS adj,
	  -- phrases with be-/le-/mi-/ṿe-/u-/ba-/la- prefixes
	  ARRAY['be-Erets Yiśraʼel', 'be-Yerushalayim', 'ba-Galil', 'ba-Negev',
			'be-Polin', 'be-Rusyah', 'be-Ḳrako', 'be-Ṿarshah', 'be-Ṿilnah',
			'be-Teman', 'be-Maroḳo', 'be-Bagdad', 'ba-dor ha-aḥaron',
			'ba-meʼah ha-tesha-ʻesreh', 'ba-meʼah ha-ʻesrim', 'le-dorotav',
			'le-doro', 'le-maʻan ha-dor', 'mi-Berlin ʻad Yerushalayim',
			'mi-sheʼelot u-teshuvot', 'ṿe-ha-ʻolam', 'ṿe-ha-ḥayim',
			'u-farshanut', 'u-veḳoret', 'u-maʻaśim', 'ṿe-sipurim',
			'ṿe-shirim', 'la-ʻam', 'la-noʻar', 'le-ḥag ha-Pesaḥ',
			'she-be-ʻal peh', 'she-bi-khetav', 'le-ʻet ʻatah',
			'mi-bayit u-mi-ḥuts', 'ʻal ha-perḳ', 'ʻal yad ha-ḳir'] AS pp,
	  -- subtitles after the ISBD colon
	  ARRAY['ḳovets maʼamarim', 'meḥḳarim ṿe-ʻiyunim', 'asupat teʻudot',
			'mivḥar shirim', 'sipurim ṿe-agadot', 'pirḳe zikhronot',
			'roman', 'novelot', 'ḥiburim', 'leḳsiḳon', 'madrikh la-moreh',
			'sefer limud le-vet ha-sefer', 'diyunim u-maʼamarim',
			'teʻudot u-meḥḳarim', 'mahadurah meḥudeshet',
			'ʻim mavo ṿe-heʻarot', 'sipur ḥayim', 'shirim ṿe-poʼemot'] AS sub,
	  ARRAY['Mosheh', 'Avraham', 'Yosef', 'Daṿid', 'Shelomoh', 'Yitsḥaḳ',
			'Yaʻaḳov', 'Rivḳah', 'Sarah', 'Leʼah', 'Raḥel', 'Ḥayim',
			'Menaḥem', 'Shimʻon', 'Yehudah', 'Binyamin', 'Esṭer', 'Miryam',
			'Eliʻezer', 'Tsevi', 'Naḥman', 'Ḥanah', 'Yehoshuʻa', 'Dov',
			'Shulamit', 'Aharon', 'Yiśraʼel', 'Natan', 'Ruṭ', 'Noʻomi'] AS given,
	  ARRAY['Ḳats', 'Leṿi', 'Kohen', 'Fridman', 'Shapira', 'Rozen',
			'Goldberg', 'Ben-ʻAmi', 'Ḥazan', 'Mizraḥi', 'Perets', 'Ḳlozner',
			'Ṿais', 'Ḳaplan', 'Rabinoviṭs', 'Horoviṭs', 'Ben-Tsevi',
			'Margaliyot', 'Ashkenazi', 'ʻAmar', 'Ṭoledano', 'Bar-Ilan',
			'Shaḳed', 'Oren', 'Ṭal', 'Sheḳel', 'Ḳarmi', 'Dayan', 'Ṭsur',
			'Berger'] AS surname,
	  ARRAY['me-et', 'ʻarakh', 'ʻarkhah', 'targem', 'ḳibets ṿe-ʻarakh',
			'be-ʻarikhat', 'ʻim mavo me-et', 'tirgem me-Anglit'] AS role,
	  ARRAY['Yerushalayim', 'Tel Aviv', 'Ḥefah', 'Bene Beraḳ', 'Ramat Gan',
			'Beʼer Shevaʻ', 'Ṿarshah', 'Ṿilnah', 'Berlin', 'Nyu Yorḳ',
			'Ḳrako', 'Odesah', 'Lemberg', 'Ṿinah', 'Londón'] AS place,
	  ARRAY['ʻAm ʻoved', 'Sifriyat poʻalim', 'Mosad Byaliḳ',
			'Yad Yitsḥaḳ Ben-Tsevi', 'Hotsaʼat Shoḳen', 'Keter',
			'Yediʻot aḥaronot', 'Karmel', 'Hotsaʼat sefarim ʻa. sh. Y.L. Magnes',
			'ha-Ḳibuts ha-meʼuḥad', 'Mosad ha-Rav Ḳuḳ', 'Dvir', 'Ṭverski',
			'Zemorah-Biṭan', 'Maʻariv', 'Yavneh', 'Ahiʼasaf', 'Sinai',
			'Masadah', 'Reshafim'] AS pub
), r AS (
	-- eight independent pseudo-random draws per record
	SELECT g AS i,
		   (hashint8(g * 8 + 0) & 2147483647) AS r0,
		   (hashint8(g * 8 + 1) & 2147483647) AS r1,
		   (hashint8(g * 8 + 2) & 2147483647) AS r2,
		   (hashint8(g * 8 + 3) & 2147483647) AS r3,
		   (hashint8(g * 8 + 4) & 2147483647) AS r4,
		   (hashint8(g * 8 + 5) & 2147483647) AS r5,
		   (hashint8(g * 8 + 6) & 2147483647) AS r6,
		   (hashint8(g * 8 + 7) & 2147483647) AS r7
	  FROM generate_series(1, n) AS g
)
SELECT r.i,
	   -- title proper [: subtitle]
	   CASE r0 % 7
		 WHEN 0 THEN head[1 + r1 % 40] || ' ' || defn[1 + r2 % 38]
		 WHEN 1 THEN head[1 + r1 % 40] || ' ' || defn[1 + r2 % 38] || ' ' || pp[1 + r3 % 36]
		 WHEN 2 THEN initcap(substr(defn[1 + r2 % 38], 1, 1)) || substr(defn[1 + r2 % 38], 2)
					 || ' ' || adj[1 + r3 % 20] || ' ' || pp[1 + r4 % 36]
		 WHEN 3 THEN 'Sefer ha-zikaron le-' || given[1 + r1 % 30] || ' ' || surname[1 + r2 % 30]
		 WHEN 4 THEN head[1 + r1 % 40] || ' ' || defn[1 + r2 % 38] || ' '
					 || adj[1 + r3 % 20] || ' ' || (1800 + r4 % 100)::text || '-'
					 || (1900 + r5 % 120)::text
		 WHEN 5 THEN head[1 + r1 % 40] || ' ' || defn[1 + r2 % 38] || ' u-'
					 || substr(defn[1 + r3 % 38], 4)
		 ELSE head[1 + r1 % 40] || ' ' || given[1 + r2 % 30] || ' ' || surname[1 + r3 % 30]
	   END
	   || CASE WHEN r6 % 3 = 0 THEN ' : ' || sub[1 + r7 % 18] ELSE '' END
	   || CASE WHEN r5 % 2 = 0
			   THEN ' / ' || role[1 + r4 % 8] || ' ' || given[1 + r7 % 30] || ' '
					|| surname[1 + r6 % 30]
			   ELSE '' END,
	   given[1 + r3 % 30] || ' ' || surname[1 + r4 % 30],
	   place[1 + r5 % 15],
	   pub[1 + r6 % 20],
	   1880 + (r7 % 145)::integer
  FROM r, w
$gen$;
