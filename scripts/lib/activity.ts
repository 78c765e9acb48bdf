/**
 * Generated enrolment activity for dashboards: `npm run seed:scale` (a national data set, up to
 * millions of enrolments), the demo's months of history (`npm run seed:activity`), and the
 * integration tests' data. Rows are priced and decided by lib/rules (the same functions the e-form
 * uses) and written with COPY. Shares follow docs/regulation.md §8: most debtors super mikro or mikro,
 * ~7–8% KUR kecil; BRI the largest penyalur; regions roughly by population.
 *
 * Deterministic for a given seed. Ids are sequential UUIDs per table and run (`runTag`), so B-tree
 * inserts stay append-only and a run can be found again (demo activity is idempotent by its tag).
 */
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import {
  PROVINCES,
  addMonths,
  contributionForMonth,
  evaluateMandate,
  monthOf,
  type KurScheme,
  type PhaseRule,
} from "../../lib/rules";
import { auditText } from "../../lib/i18n/rules";

// ── master data ─────────────────────────────────────────────────────────────────────────────────

/** Rough share of KUR debtors per province (population and KUR volume); unknown codes weigh 0.4. */
const PROVINCE_WEIGHT: Record<string, number> = {
  "11": 2, "12": 5.5, "13": 2, "14": 2.5, "15": 1.3, "16": 3.2, "17": 0.7, "18": 3.2, "19": 0.5, "21": 0.8,
  "31": 4, "32": 17, "33": 13, "34": 1.5, "35": 15, "36": 4.5, "51": 1.6, "52": 2, "53": 2,
  "61": 2, "62": 1, "63": 1.5, "64": 1.4, "65": 0.3, "71": 1, "72": 1.1, "73": 3.3, "74": 1, "75": 0.4, "76": 0.5,
  "81": 0.6, "82": 0.4,
};

/** Regional development banks (BPD) and the Kanwil they lend in. */
const REGIONAL_BANKS: ReadonlyArray<[code: string, name: string, kanwil: string]> = [
  ["SUMUT", "Bank Sumut", "SUMBAGUT"],
  ["NAGARI", "Bank Nagari", "SUMBARRIAU"],
  ["SUMSELBABEL", "Bank Sumsel Babel", "SUMBAGSEL"],
  ["BANTEN", "Bank Banten", "BANTEN"],
  ["DKI", "Bank DKI", "DKI_JAKARTA"],
  ["BJB", "bank bjb", "JAWA_BARAT"],
  ["JATENG", "Bank Jateng", "JATENG_DIY"],
  ["JATIM", "Bank Jatim", "JAWA_TIMUR"],
  ["KALBAR", "Bank Kalbar", "KALIMANTAN"],
  ["SULSELBAR", "Bank Sulselbar", "SULAMA"],
  ["BPDBALI", "BPD Bali", "BANUSPA"],
];

/** National penyalur and their share of debtors; BPDs share REGIONAL_SHARE in their own Kanwil. */
const NATIONAL: ReadonlyArray<[code: string, name: string, type: "BANK" | "PEGADAIAN" | "BPR" | "KOPERASI", share: number, unitsPerKc: number]> = [
  ["BRI", "BRI", "BANK", 0.62, 3],
  ["MANDIRI", "Bank Mandiri", "BANK", 0.11, 1],
  ["BNI", "BNI", "BANK", 0.1, 1],
  ["BSI", "Bank Syariah Indonesia", "BANK", 0.04, 1],
  ["BTN", "BTN", "BANK", 0.01, 1],
  ["PEGADAIAN", "Pegadaian", "PEGADAIAN", 0.03, 1],
  ["BPR-ARTHA", "BPR Artha Mandiri", "BPR", 0.01, 1],
  ["KSP-SEJAHTERA", "Koperasi Sejahtera Bersama", "KOPERASI", 0.01, 1],
];
const REGIONAL_SHARE = 0.07;

export interface ActivityKc {
  id: string;
  kanwilCode: string;
  provinceCode: string;
  timeZone: string;
}
export interface ActivityOffice {
  id: string;
  penyalurId: string;
  provinceCode: string;
  kantorCabangId: string;
  weight: number;
}
export interface ActivityMaster {
  kcs: Map<string, ActivityKc>;
  offices: ActivityOffice[];
  phaseRules: PhaseRule[];
  /** The account that "enters" generated enrolments and payments. */
  userId: string;
}

/**
 * Adds the national master data a scale run needs: two to eight Kantor Cabang per province (by
 * weight), the regional banks, Pegadaian, a BPR and a cooperative, and offices of each penyalur at
 * every Kantor Cabang it serves. Idempotent (natural keys).
 */
export async function ensureNationalMasterData(client: pg.Client): Promise<void> {
  for (const p of PROVINCES) {
    const count = Math.max(2, Math.min(8, Math.round((PROVINCE_WEIGHT[p.code] ?? 0.4) / 2)));
    for (let i = 1; i <= count; i++) {
      await client.query(
        `insert into "KantorCabang" (id, code, name, "kanwilId", "provinceCode", "timeZone")
         select gen_random_uuid(), $1, $2, "kanwilId", code, "timeZone" from "Province" where code = $3
         on conflict (code) do nothing`,
        [`KC-N${p.code}-${i}`, `KC ${p.name} ${i}`, p.code],
      );
    }
  }
  const penyalur: Array<[string, string, string]> = [
    ...NATIONAL.map(([code, name, type]) => [code, name, type] as [string, string, string]),
    ...REGIONAL_BANKS.map(([code, name]) => [code, name, "BANK"] as [string, string, string]),
  ];
  for (const [code, name, type] of penyalur) {
    await client.query(
      `insert into "Penyalur" (id, code, name, type) values (gen_random_uuid(), $1, $2, $3::"PenyalurType")
       on conflict (code) do nothing`,
      [code, name, type],
    );
  }
  // One branch office per penyalur and Kantor Cabang it serves (BRI adds units), set-based.
  const units = NATIONAL.map(([code, , , , n]) => `('${code}', ${n}, null)`)
    .concat(REGIONAL_BANKS.map(([code, , kanwil]) => `('${code}', 1, '${kanwil}')`))
    .join(", ");
  await client.query(`
    insert into "PenyalurOffice" (id, "penyalurId", level, code, name, "provinceCode", "timeZone", "defaultKantorCabangId")
    select gen_random_uuid(), p.id, 'BRANCH', p.code || '-' || kc.code || '-' || u.n,
           case when u.n = 1 then 'Kantor Cabang ' else 'Unit ' || u.n || ' ' end || substr(kc.name, 4),
           kc."provinceCode", kc."timeZone", kc.id
    from (values ${units}) as v(code, units, kanwil)
    join "Penyalur" p on p.code = v.code
    join "KantorCabang" kc on kc.code like 'KC-N%'
    join "Kanwil" k on k.id = kc."kanwilId" and (v.kanwil is null or k.code = v.kanwil)
    cross join lateral generate_series(1, v.units) as u(n)
    on conflict ("penyalurId", code) do nothing`);
}

/** Reads the master data generated enrolments are spread over, with each office's weight. */
export async function loadActivityMaster(client: pg.Client): Promise<ActivityMaster> {
  const kcRows = (
    await client.query<{ id: string; kanwil: string; provinceCode: string; timeZone: string }>(
      `select kc.id, k.code as kanwil, kc."provinceCode", kc."timeZone" from "KantorCabang" kc join "Kanwil" k on k.id = kc."kanwilId"`,
    )
  ).rows;
  const kcs = new Map(kcRows.map((r) => [r.id, { id: r.id, kanwilCode: r.kanwil, provinceCode: r.provinceCode, timeZone: r.timeZone }]));
  const officeRows = (
    await client.query<{ id: string; penyalurId: string; penyalur: string; provinceCode: string; kc: string }>(
      `select o.id, o."penyalurId", p.code as penyalur, o."provinceCode", o."defaultKantorCabangId" as kc
       from "PenyalurOffice" o join "Penyalur" p on p.id = o."penyalurId"
       where o."defaultKantorCabangId" is not null and o.level <> 'HEAD_OFFICE'`,
    )
  ).rows;
  // Share of a penyalur × weight of the province, spread over that penyalur's offices there.
  const share = (code: string) => NATIONAL.find((n) => n[0] === code)?.[3] ?? REGIONAL_SHARE;
  const perPenyalurProvince = new Map<string, number>();
  for (const o of officeRows) {
    const key = `${o.penyalur}|${o.provinceCode}`;
    perPenyalurProvince.set(key, (perPenyalurProvince.get(key) ?? 0) + 1);
  }
  const offices = officeRows.map((o) => ({
    id: o.id,
    penyalurId: o.penyalurId,
    provinceCode: o.provinceCode,
    kantorCabangId: o.kc,
    weight: (share(o.penyalur) * (PROVINCE_WEIGHT[o.provinceCode] ?? 0.4)) / perPenyalurProvince.get(`${o.penyalur}|${o.provinceCode}`)!,
  }));
  if (!offices.length) throw new Error("Tidak ada kantor penyalur dengan Kantor Cabang bawaan: jalankan seed referensi dulu.");
  const phaseRules = (
    await client.query<{ id: string; penyalurId: string | null; kanwil: string | null; startDate: string; endDate: string | null; schemes: string; provinceCode: string | null }>(
      `select r.id, r."penyalurId", k.code as kanwil, to_char(r."startDate", 'YYYY-MM-DD') as "startDate",
              to_char(r."endDate", 'YYYY-MM-DD') as "endDate", r.schemes::text as schemes, r."provinceCode"
       from "PhaseRule" r left join "Kanwil" k on k.id = r."kanwilId"`,
    )
  ).rows.map((r) => ({
    id: r.id,
    penyalurId: r.penyalurId,
    kanwilCode: r.kanwil,
    startDate: r.startDate,
    // An ended rule, its schemes and its province decide generated enrolments as they decide real ones.
    endDate: r.endDate,
    schemes: r.schemes.replace(/[{}]/g, "").split(",").filter(Boolean) as KurScheme[],
    provinceCode: r.provinceCode,
  }));
  const user = await client.query<{ id: string }>(
    `insert into "User" (id, email, name, "passwordHash", role, active)
     values (gen_random_uuid(), 'generator@skala.lindungikur.id', 'Data bangkitan (bukan akun masuk)', '!', 'HEAD_OFFICE', false)
     on conflict (email) do update set name = excluded.name returning id`,
  );
  return { kcs, offices, phaseRules, userId: user.rows[0]!.id };
}

// ── randomness ──────────────────────────────────────────────────────────────────────────────────

/** mulberry32: small, fast, good enough for test data, and reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickWeighted<T>(items: readonly T[], cumulative: Float64Array, r: number): T {
  const target = r * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return items[lo]!;
}

function cumulativeOf(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  return out;
}

function choose<T extends string>(r: number, table: ReadonlyArray<[T, number]>): T {
  let acc = 0;
  for (const [value, p] of table) {
    acc += p;
    if (r < acc) return value;
  }
  return table[table.length - 1]![0];
}

// ── rows ────────────────────────────────────────────────────────────────────────────────────────

const FIRST_NAMES = ["Asep", "Ujang", "Siti", "Dewi", "Budi", "Rina", "Agus", "Sri", "Made", "Wayan", "Nur", "Putu", "Yohanes", "Fitri", "Andi", "Ratna"];
const LAST_NAMES = ["Suryana", "Wijaya", "Lestari", "Saputra", "Hidayat", "Kurniawan", "Rahayu", "Simanjuntak", "Pratama", "Nasution", "Setiawan", "Wulandari"];
const SECTORS: ReadonlyArray<[string, number, string]> = [
  ["TRADE", 0.5, "47111"],
  ["AGRICULTURE", 0.22, "01111"],
  ["SERVICES", 0.15, "96021"],
  ["PROCESSING_INDUSTRY", 0.1, "10792"],
  ["FISHERIES", 0.03, "03111"],
];
const CHANNELS = ["VIRTUAL_ACCOUNT", "BANK_TELLER", "AUTODEBIT", "RETAIL_OUTLET", "BPJS_OFFICE"] as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface GenerateOptions {
  enrolments: number;
  /** Months of history, ending in the month of `today`. */
  months: number;
  /** The generator's "today" (YYYY-MM-DD, WIB); enrolments are submitted up to the day before. */
  today: string;
  seed: number;
  /** 4 hex digits that start every generated id of this run. */
  runTag: string;
  /** Number of the first enrolment (a bulk load generates in batches). Default 0. */
  first?: number;
}

export interface Sinks {
  participant: (row: string) => void;
  enrolment: (row: string) => void;
  payment: (row: string) => void;
  line: (row: string) => void;
}

const csv = (v: string | number | boolean | null | undefined): string => {
  if (v === null || v === undefined) return "";
  if (typeof v !== "string") return String(v);
  return /[",\n\r]/.test(v) || v === "" ? `"${v.replace(/"/g, '""')}"` : v;
};
const rowOf = (values: ReadonlyArray<string | number | boolean | null | undefined>) => values.map(csv).join(",") + "\n";
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * Sequential UUID (valid version-4 layout): the run tag, a table digit, then the counter, so ids
 * sort in generation order.
 */
export function generatedId(runTag: string, table: number, n: number): string {
  const h = n.toString(16).padStart(25, "0");
  return `${runTag}${table.toString(16)}${h.slice(0, 3)}-${h.slice(3, 7)}-4${h.slice(7, 10)}-8${h.slice(10, 13)}-${h.slice(13, 25)}`;
}

/** Lines and payments of enrolment n get ids n × 128 + k: at most 128 months per enrolment. */
const PER_ENROLMENT = 128;

export const PARTICIPANT_COLUMNS = ["id", "nik", "fullName", "birthDate", "sex", "phone", "createdAt", "updatedAt"];
export const ENROLMENT_COLUMNS = [
  "id", "submissionKey", "participantId", "penyalurId", "penyalurOfficeId", "officerId", "kantorCabangId", "status",
  "scheme", "plafon", "declaredIncome", "sector", "fundedByBudget", "tierTableVersion", "tierIndex", "tierBasis", "jht",
  "mandateStatus", "mandateRuleId", "mandateRuleVersion", "mandateLegalBasis", "mandateExplanation", "mandateInputs",
  "mandateRequiredFrom", "loanNumber", "businessName", "kbli", "sectorGroup", "businessProvinceCode", "tenorMonths",
  "purpose", "priorMikroCount", "monthsInAdvance", "attestNikChecked", "attestSlikChecked", "attestNoOtherKur",
  "attestNpwpPresent", "consentAt", "consentTextVersion", "reviewedById", "reviewedAt", "returnReason", "rejectReason",
  "approvedAt", "coverStartMonth", "verificationCode", "kpj", "version", "submittedAt", "createdAt", "updatedAt",
];
export const PAYMENT_COLUMNS = ["id", "enrolmentId", "amount", "paidOn", "channel", "reference", "recordedById", "createdAt"];
export const LINE_COLUMNS = [
  "id", "enrolmentId", "month", "tierTableVersion", "tierBasis", "jkkGross", "jkmGross", "jhtGross", "jkk", "jkm", "jht",
  "discount", "reliefRuleId", "total", "dueDate", "status", "paidAt", "paymentId",
];

/**
 * Produces the rows of `opts.enrolments` enrolments into the sinks (CSV lines in the column orders
 * above). Returns counts. Pure apart from the sinks: no database access.
 */
export function generateActivity(master: ActivityMaster, opts: GenerateOptions, sinks: Sinks): { enrolments: number; lines: number; payments: number } {
  const rnd = prng(opts.seed);
  const officeCumulative = cumulativeOf(master.offices.map((o) => o.weight));
  const todayMs = Date.parse(`${opts.today}T00:00:00Z`);
  const todayMonth = monthOf(opts.today);
  const firstMonth = addMonths(todayMonth, -(opts.months - 1));
  const startMs = Date.parse(`${firstMonth}-01T00:00:00Z`);
  const days = Math.max(1, Math.round((todayMs - startMs) / DAY));
  // Submissions grow over the period, dip at weekends and in the first weeks of the year.
  const dayWeights = Array.from({ length: days }, (_, i) => {
    const d = new Date(startMs + i * DAY);
    const weekday = d.getUTCDay();
    const weekend = weekday === 0 ? 0.15 : weekday === 6 ? 0.45 : 1;
    const january = d.getUTCMonth() === 0 ? 0.7 : 1;
    return (1 + (0.6 * i) / days) * weekend * january;
  });
  const dayCumulative = cumulativeOf(dayWeights);
  const dayIndex = Array.from({ length: days }, (_, i) => i);
  const priceCache = new Map<string, ReturnType<typeof contributionForMonth>>();
  const price = (income: number, jht: boolean, sector: "TRANSPORT" | "OTHER", month: string) => {
    const key = `${income}|${jht}|${sector}|${month}`;
    let q = priceCache.get(key);
    if (!q) priceCache.set(key, (q = contributionForMonth({ declaredIncome: income, jht, sector, month })));
    return q;
  };
  let lineCount = 0;
  let paymentCount = 0;
  const tagNumber = Number.parseInt(opts.runTag, 16);
  const first = opts.first ?? 0;

  for (let n = first; n < first + opts.enrolments; n++) {
    const office = pickWeighted(master.offices, officeCumulative, rnd());
    const kc = master.kcs.get(office.kantorCabangId)!;
    const dayOffset = pickWeighted(dayIndex, dayCumulative, rnd());
    const submittedMs = startMs + dayOffset * DAY + (1 + rnd() * 8) * HOUR; // 08–16 WIB
    const submittedAt = new Date(submittedMs);
    const submittedDay = submittedAt.toISOString().slice(0, 10);
    const submittedMonth = submittedDay.slice(0, 7);
    const ageDays = (todayMs - submittedMs) / DAY;

    const scheme = choose<KurScheme>(rnd(), [["SUPER_MIKRO", 0.3], ["MIKRO", 0.615], ["KECIL", 0.075], ["KHUSUS", 0.01]]);
    const u = rnd();
    const plafon =
      scheme === "SUPER_MIKRO" ? 1_000_000 * Math.round(3 + u * 7)
      : scheme === "MIKRO" ? 5_000_000 * Math.round(3 + u * u * 17)
      : scheme === "KECIL" ? 10_000_000 * Math.round(11 + u * u * 39)
      : 10_000_000 * Math.round(5 + u * 45);
    const income = 100_000 * Math.round(10 + rnd() * rnd() * (scheme === "KECIL" ? 150 : 60));
    const jht = rnd() < 0.3;
    const sector = rnd() < 0.05 ? "TRANSPORT" : "OTHER";
    const sectorGroup = choose(rnd(), SECTORS.map(([g, p]) => [g, p] as [string, number]));
    const kbli = SECTORS.find((s) => s[0] === sectorGroup)![2];
    const decision = evaluateMandate({
      scheme,
      plafon,
      date: submittedDay,
      penyalurId: office.penyalurId,
      kanwilCode: kc.kanwilCode,
      provinceCode: kc.provinceCode,
      phaseRules: master.phaseRules,
    });
    const monthsInAdvance = choose<"1" | "3" | "6" | "12">(rnd(), [["1", 0.7], ["3", 0.2], ["6", 0.07], ["12", 0.03]]);
    const advance = Number(monthsInAdvance);

    const r = rnd();
    const status =
      ageDays <= 2 ? (r < 0.85 ? "SUBMITTED" : r < 0.9 ? "RETURNED" : "APPROVED")
      : ageDays <= 10 ? (r < 0.25 ? "SUBMITTED" : r < 0.32 ? "RETURNED" : r < 0.95 ? "APPROVED" : "REJECTED")
      : r < 0.01 ? "SUBMITTED" : r < 0.03 ? "RETURNED" : r < 0.95 ? "APPROVED" : "REJECTED";
    const decided = status === "APPROVED" || status === "REJECTED";
    // Review times: median about a day, a long tail; never after "today".
    const gaussian = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
    const reviewHours = Math.min(Math.exp(Math.log(20) + gaussian), Math.max(0.2, ageDays * 24 - 1));
    const reviewedMs = submittedMs + reviewHours * HOUR;
    const reviewedAt = decided || status === "RETURNED" ? new Date(reviewedMs).toISOString() : null;

    const participantId = generatedId(opts.runTag, 1, n);
    const enrolmentId = generatedId(opts.runTag, 2, n);
    const province = PROVINCES.find((p) => p.code === kc.provinceCode)!;
    const birthYear = 1965 + Math.floor(rnd() * 38);
    const birthMonth = 1 + Math.floor(rnd() * 12);
    const birthDay = 1 + Math.floor(rnd() * 28);
    const woman = rnd() < 0.45;
    // Unique by construction: regency/district/serial come from the counter.
    const nik = `${province.code}${pad(10 + ((tagNumber + Math.floor(n / 810_000)) % 90), 2)}${pad(10 + (Math.floor(n / 9_000) % 90), 2)}` +
      `${pad(birthDay + (woman ? 40 : 0), 2)}${pad(birthMonth, 2)}${pad(birthYear % 100, 2)}${pad(1 + (n % 9_000), 4)}`;
    const name = `${FIRST_NAMES[n % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(n / 16) % LAST_NAMES.length]}`;
    const submittedIso = submittedAt.toISOString();
    sinks.participant(rowOf([participantId, nik, name, `${birthYear}-${pad(birthMonth, 2)}-${pad(birthDay, 2)}`, woman ? "P" : "L",
      `+628${pad(1_000_000_000 + n, 10).slice(-10)}`, submittedIso, submittedIso]));

    const firstQuote = price(income, jht, sector, submittedMonth);
    const approved = status === "APPROVED";
    // Cover starts in the month of approval (docs/decisions/0011-cover-lifecycle.md §1); an enrolment not
    // approved has no line.
    const approvalMonth = approved && reviewedAt ? reviewedAt.slice(0, 7) : submittedMonth;
    const coverStart = approved ? `${approvalMonth}-01` : null;
    sinks.enrolment(rowOf([
      enrolmentId, generatedId(opts.runTag, 3, n), participantId, office.penyalurId, office.id, master.userId, kc.id, status,
      scheme, plafon, income, sector, false, firstQuote.tierTableVersion, firstQuote.tierIndex, firstQuote.tierBasis, jht,
      decision.status, decision.ruleId, decision.ruleVersion, auditText(decision.legalBasis), auditText(decision.explanation), JSON.stringify(decision.inputs),
      decision.requiredFrom, `GEN-${opts.runTag}-${n}`, `Usaha ${name}`, kbli, sectorGroup, kc.provinceCode, 12 + 12 * Math.floor(rnd() * 4),
      rnd() < 0.8 ? "WORKING_CAPITAL" : "INVESTMENT", Math.floor(rnd() * 3), advance, true, true, true, plafon > 50_000_000,
      submittedIso, "generated", decided || status === "RETURNED" ? master.userId : null, reviewedAt,
      status === "RETURNED" ? "Data usaha perlu dilengkapi" : null, status === "REJECTED" ? "DATA_MISMATCH" : null,
      approved ? reviewedAt : null, coverStart, approved ? `gen-${opts.runTag}-${n}` : null,
      approved ? `9${pad(tagNumber % 100, 2)}${pad(n, 8)}` : null,
      decided || status === "RETURNED" ? 2 : 1, submittedIso, submittedIso, reviewedAt ?? submittedIso,
    ]));

    // Lines (approved only): the months planned from the approval month, then every month up to the
    // current one. Payment: the first month (by the debtor's mandate), then month by month until the
    // debtor stops.
    const lastMonth = approved ? [todayMonth, addMonths(approvalMonth, advance - 1)].sort()[1]! : "";
    const firstPaidChance = decision.status === "MANDATORY" ? 0.94 : decision.status === "PHASED_REQUIRED" ? 0.86 : 0.76;
    const keepPaying = decision.status === "MANDATORY" ? 0.96 : 0.91;
    let paying = approved && rnd() < firstPaidChance;
    let month = approved ? approvalMonth : "9999-12";
    let index = 0;
    let paymentIndex = 0;
    let paymentId: string | null = null;
    let paymentLeft = 0;
    let paymentAmount = 0;
    let paymentOn = "";
    const flushPayment = () => {
      if (paymentId) {
        sinks.payment(rowOf([paymentId, enrolmentId, paymentAmount, paymentOn, CHANNELS[(n + paymentCount) % CHANNELS.length],
          `GEN-${opts.runTag}-${n}-${paymentIndex}`, master.userId, `${paymentOn}T03:00:00.000Z`]));
        paymentCount += 1;
        paymentIndex += 1;
        paymentId = null;
      }
    };
    while (month <= lastMonth) {
      const q = price(income, jht, sector, month);
      const dueMs = Date.parse(`${q.dueDate}T00:00:00Z`);
      if (paying && index > 0 && index >= advance && rnd() > keepPaying) paying = false;
      const paidNow = paying && (index < advance || dueMs <= todayMs + 20 * DAY);
      let linePayment: string | null = null;
      let paidAt: string | null = null;
      if (paidNow) {
        if (paymentLeft === 0) {
          flushPayment();
          paymentLeft = index === 0 ? advance : 1 + Math.floor(rnd() * 3);
          paymentId = generatedId(opts.runTag, 4, n * PER_ENROLMENT + paymentIndex);
          paymentAmount = 0;
          const paidMs = index === 0 ? Math.max(reviewedMs, submittedMs) + rnd() * 2 * DAY : dueMs - (1 + rnd() * 12) * DAY;
          paymentOn = new Date(Math.min(paidMs, todayMs - HOUR)).toISOString().slice(0, 10);
        }
        paymentLeft -= 1;
        paymentAmount += q.total;
        linePayment = paymentId;
        paidAt = `${paymentOn}T03:00:00.000Z`;
      }
      sinks.line(rowOf([generatedId(opts.runTag, 5, n * PER_ENROLMENT + index), enrolmentId, `${month}-01`, q.tierTableVersion, q.tierBasis,
        q.gross.jkk, q.gross.jkm, q.gross.jht, q.jkk, q.jkm, q.jht, q.discount, q.reliefRuleId, q.total, q.dueDate,
        paidNow ? "PAID" : "DUE", paidAt, linePayment]));
      lineCount += 1;
      index += 1;
      month = addMonths(month, 1);
    }
    flushPayment();
  }
  return { enrolments: opts.enrolments, lines: lineCount, payments: paymentCount };
}

// ── loading ─────────────────────────────────────────────────────────────────────────────────────

const TABLES = [
  ["Participant", PARTICIPANT_COLUMNS],
  ["Enrolment", ENROLMENT_COLUMNS],
  ["Payment", PAYMENT_COLUMNS],
  ["ContributionLine", LINE_COLUMNS],
] as const;

function copySql(table: string, columns: readonly string[]): string {
  return `copy "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) from stdin with (format csv)`;
}

/**
 * Small runs (demo, tests): generates everything in memory and COPYs the four tables one after
 * the other in one transaction, with triggers on, so the dashboard aggregates follow as they would
 * for any other write.
 */
export async function loadActivity(client: pg.Client, master: ActivityMaster, opts: GenerateOptions) {
  const buffers: string[][] = [[], [], [], []];
  const counts = generateActivity(master, opts, {
    participant: (r) => buffers[0]!.push(r),
    enrolment: (r) => buffers[1]!.push(r),
    payment: (r) => buffers[2]!.push(r),
    line: (r) => buffers[3]!.push(r),
  });
  await client.query("begin");
  try {
    for (const [i, [table, columns]] of TABLES.entries()) {
      const stream = client.query(copyFrom(copySql(table, columns)));
      await pipeline(async function* () {
        yield buffers[i]!.join("");
      }, stream);
    }
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
  return counts;
}

/**
 * Large runs: one COPY per table on its own connection, all four streaming at once while rows are
 * generated, with triggers (and so foreign-key checks) off: session_replication_role = replica.
 * The caller rebuilds the aggregates afterwards (dash_rebuild) and runs ANALYZE.
 */
export async function bulkLoadActivity(clients: readonly pg.Client[], master: ActivityMaster, opts: GenerateOptions,
  progress: (done: number) => void = () => undefined) {
  if (clients.length !== 4) throw new Error("bulkLoadActivity needs four connections");
  const streams: Writable[] = [];
  const finished: Promise<void>[] = [];
  for (const [i, [table, columns]] of TABLES.entries()) {
    await clients[i]!.query("set session_replication_role = replica");
    const stream = clients[i]!.query(copyFrom(copySql(table, columns)));
    streams.push(stream);
    finished.push(new Promise((resolve, reject) => {
      stream.on("finish", () => resolve());
      stream.on("error", reject);
    }));
  }
  const chunks: string[][] = [[], [], [], []];
  const flush = async () => {
    await Promise.all(chunks.map(async (chunk, i) => {
      if (!chunk.length) return;
      const ok = streams[i]!.write(chunk.join(""));
      chunk.length = 0;
      if (!ok) await new Promise((resolve) => streams[i]!.once("drain", resolve));
    }));
  };
  const BATCH = 5_000;
  const totals = { enrolments: 0, lines: 0, payments: 0 };
  for (let done = 0; done < opts.enrolments; done += BATCH) {
    const size = Math.min(BATCH, opts.enrolments - done);
    // Each batch is its own deterministic run of the generator, offset so ids never repeat.
    const counts = generateActivity(master, { ...opts, enrolments: size, seed: opts.seed + done, first: done }, {
      participant: (r) => chunks[0]!.push(r),
      enrolment: (r) => chunks[1]!.push(r),
      payment: (r) => chunks[2]!.push(r),
      line: (r) => chunks[3]!.push(r),
    });
    totals.enrolments += counts.enrolments;
    totals.lines += counts.lines;
    totals.payments += counts.payments;
    await flush();
    progress(done + size);
  }
  streams.forEach((s) => s.end());
  await Promise.all(finished);
  return totals;
}
