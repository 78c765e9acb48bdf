-- AlterTable
ALTER TABLE "Enrolment" ADD COLUMN     "billingCode" CHAR(16);

-- CreateIndex
CREATE UNIQUE INDEX "Enrolment_billingCode_key" ON "Enrolment"("billingCode");


-- Back-fill: every enrolment that already has a KPJ gets its billing code, computed exactly as
-- lib/rules/billing.ts billingCodeFor does ("8877" + KPJ + the Luhn check digit over those 15 digits).
CREATE FUNCTION "billing_luhn_tmp"(digits text) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT (10 - (sum(CASE WHEN (length(digits) - i) % 2 = 0
                         THEN (substr(digits, i, 1)::int * 2) - CASE WHEN substr(digits, i, 1)::int * 2 > 9 THEN 9 ELSE 0 END
                         ELSE substr(digits, i, 1)::int END) % 10)::int) % 10
  FROM generate_series(1, length(digits)) AS i
$$;
UPDATE "Enrolment" SET "billingCode" = '8877' || "kpj" || "billing_luhn_tmp"('8877' || "kpj")::text
WHERE "kpj" IS NOT NULL AND "kpj" ~ '^[0-9]{11}$' AND "billingCode" IS NULL;
DROP FUNCTION "billing_luhn_tmp"(text);
