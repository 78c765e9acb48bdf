-- KPJ serials for enrolments approved in this portal (lib/rules/kpj.ts, docs/decisions/0008).
-- A sequence hands out each value once, whatever the concurrency; a rolled-back approval leaves a
-- gap, which is harmless. 10 digits, never cycled: the KPJ is the serial plus a Luhn check digit.
CREATE SEQUENCE "KpjSerial" AS bigint START WITH 1000000000 MINVALUE 1000000000 MAXVALUE 9999999999 NO CYCLE;
