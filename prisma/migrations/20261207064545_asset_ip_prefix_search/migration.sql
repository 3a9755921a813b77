-- Searching the inventory by the start of an IP address ("10.30.0" finds 10.30.0.17, not
-- 110.30.0.17): every prefix of every address of an asset, lower-cased, in one GIN index, so
-- `asset_ip_prefixes(ips) @> ARRAY[term]` is an index probe at a million assets (issue 13 item 9).
-- Prisma's schema cannot express an expression index: this migration is written by hand.
CREATE FUNCTION asset_ip_prefixes(ips text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT COALESCE(array_agg(DISTINCT left(lower(ip), n)), '{}')
      FROM unnest(ips) AS ip, generate_series(1, length(ip)) AS n
  $$;

-- CreateIndex
CREATE INDEX "asset_ip_prefixes_idx" ON "asset" USING GIN (asset_ip_prefixes("ips"));
